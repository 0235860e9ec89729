package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParamSpecTest {

    private final ParamSpec cost = ParamSpec.ofLong("costMicros", 20, 0L, 1000L, "Work per record.");

    @Test
    void longParameter_acceptsWholeNumbersInRange_includingIntegralDoubles() {
        assertThat(cost.problem(0L)).isEmpty();
        assertThat(cost.problem(1000)).isEmpty();
        assertThat(cost.problem(3.0)).isEmpty();
        assertThat(cost.coerce(3.0)).isEqualTo(3L);
    }

    @Test
    void longParameter_saysWhatIsWrongWithAValue() {
        assertThat(cost.problem(-1L)).contains("must be >= 0, was -1");
        assertThat(cost.problem(1001L)).contains("must be <= 1000, was 1001");
        assertThat(cost.problem(1.5)).contains("must be a whole number, was 1.5");
        assertThat(cost.problem("two")).contains("must be a whole number, was \"two\"");
        assertThat(cost.problem(Double.NaN)).contains("must be a whole number, was NaN");
        assertThat(cost.problem(1e30)).contains("is too large for a whole number, was 1.0E30");
    }

    @Test
    void otherTypes_acceptOnlyTheirJavaTypes() {
        ParamSpec flag = ParamSpec.ofBoolean("lowercase", true, "Lower-case words.");
        ParamSpec ratio = ParamSpec.ofDouble("ratio", 0.5, 0.0, 1.0, "A ratio.");
        ParamSpec text = ParamSpec.ofString("path", false, "A directory.");

        assertThat(flag.problem("true")).contains("must be true or false, was \"true\"");
        assertThat(ratio.problem(2L)).contains("must be <= 1.0, was 2");
        assertThat(ratio.coerce(1L)).isEqualTo(1.0);
        assertThat(text.problem(5L)).contains("must be text, was 5");
    }

    @Test
    void constraint_describesAcceptedValuesForTheEditor() {
        assertThat(cost.constraint()).isEqualTo("whole number from 0 to 1000");
        assertThat(ParamSpec.ofEnum("unit", "count", List.of("count", "ms"), "Unit.").constraint())
                .isEqualTo("count | ms");
    }

    @Test
    void aDefaultOutsideItsOwnRange_isRefusedWhenTheSpecIsMade() {
        assertThatThrownBy(() -> ParamSpec.ofLong("size", 0, 1L, null, "Size."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default of parameter 'size' must be >= 1, was 0");
    }
}
