package org.checkpointlab.model.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "\"{0}\" = {1} ns")
    @CsvSource(delimiter = '|', value = {
        "250ms     | 250000000",
        "1s        | 1000000000",
        "1.5s      | 1500000000",
        "2m        | 120000000000",
        "1h        | 3600000000000",
        "0         | 0",
        "100       | 100000000",
        "'  1S  '  | 1000000000",
        "250MS     | 250000000",
        "'10 ms'   | 10000000",
        "0.5ms     | 500000",
        "1.25m     | 75000000000",
    })
    void parse_acceptsUnitsFractionsPlainMillisAnyCaseAndSurroundingSpace(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1d", "s", "1.s", "1,5s", "1s2", "ten ms", "1e3"})
    void parse_refusesTextThatIsNoDuration_namingTheTextAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("ms, s, m or h");
    }

    @Test
    void parse_refusesNegativeDurations() {
        assertThatThrownBy(() -> Durations.parse("-5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-5s' is negative");
    }

    @Test
    void parse_refusesNullWithAMessage() {
        assertThatThrownBy(() -> Durations.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing duration");
    }

    @Test
    void parse_refusesPrecisionFinerThanANanosecond() {
        assertThatThrownBy(() -> Durations.parse("0.0000001ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer than a nanosecond");
    }

    @Test
    void parse_refusesDurationsBeyondLongNanoseconds() {
        assertThatThrownBy(() -> Durations.parse("99999999999h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
        "100, 100ms",
        "1000, 1s",
        "1500, 1500ms",
        "120000, 2m",
        "90000, 90s",
        "3600000, 1h",
        "5400000, 90m",
        "0, 0ms",
    })
    void format_writesTheShortestExactForm(long millis, String expected) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void format_writesSubMillisecondDurationsAsFractionalMilliseconds() {
        assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
        assertThat(Durations.format(Duration.ofNanos(1))).isEqualTo("0.000001ms");
    }

    @Test
    void format_thenParse_givesTheSameDuration() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1500),
            Duration.ofSeconds(61), Duration.ofMinutes(10), Duration.ofHours(25), Duration.ofNanos(123_456_789)}) {
            assertThat(Durations.parse(Durations.format(d))).as(d.toString()).isEqualTo(d);
        }
    }

    @Test
    void format_refusesNegativeDurations() {
        assertThatThrownBy(() -> Durations.format(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
