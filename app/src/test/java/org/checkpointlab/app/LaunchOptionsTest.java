package org.checkpointlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void fileRunExitAfterAndFrameReport_areReadInAnyOrder() {
        LaunchOptions options = LaunchOptions.parse(List.of("--frame-report", "samples/twenty-operators.json",
                "--exit-after", "30s", "--run"));
        assertThat(options.file()).isEqualTo(Path.of("samples/twenty-operators.json"));
        assertThat(options.run()).isTrue();
        assertThat(options.exitAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.frameReport()).isTrue();
    }

    @Test
    void speed_setsSlowMotion_withinTheSlidersRange() {
        assertThat(LaunchOptions.parse(List.of("x.json", "--run", "--speed", "0.01")).speed()).isEqualTo(0.01);
        assertThat(LaunchOptions.parse(List.of("x.json")).speed()).isEqualTo(1.0);
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--speed", "2")))
                .hasMessageContaining("--speed must be between 0.001 (human speed) and 1 (full speed), was 2");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--speed", "slow")))
                .hasMessageContaining("--speed slow: not a number");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--speed"))).hasMessageContaining("--speed needs");
    }

    @Test
    void lesson_namesTheLessonToOpen() {
        assertThat(LaunchOptions.parse(List.of("--lesson", "checkpoints-and-recovery", "--run")).lesson())
                .isEqualTo("checkpoints-and-recovery");
        assertThat(LaunchOptions.parse(List.of("x.json")).lesson()).isNull();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--lesson"))).hasMessageContaining("--lesson needs");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--lesson", "--run")))
                .hasMessageContaining("--lesson needs");
    }

    @Test
    void balance_choosesTheLiveViewBalanceForThisRun_andAnUnknownOneIsRefusedWithTheChoices() {
        assertThat(LaunchOptions.parse(List.of("x.json", "--balance", "engine-first")).balance())
                .isEqualTo(org.checkpointlab.views.live.LiveViewBalance.ENGINE_FIRST);
        assertThat(LaunchOptions.parse(List.of("--balance", "smooth", "--run")).balance())
                .isEqualTo(org.checkpointlab.views.live.LiveViewBalance.SMOOTH);
        assertThat(LaunchOptions.parse(List.of("x.json")).balance()).as("the one chosen in View").isNull();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--balance", "fast")))
                .hasMessageContaining("'fast'").hasMessageContaining("smooth|balanced|engine-first")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--balance"))).hasMessageContaining("--balance needs");
    }

    @Test
    void noArguments_openTheDefaultSampleAndStayOpen() {
        assertThat(LaunchOptions.parse(List.of())).isEqualTo(new LaunchOptions(null, false, null, false));
    }

    @Test
    void exitAfterWithoutADuration_isRejectedWithTheUsage() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("x.json", "--exit-after")))
                .hasMessageContaining("--exit-after needs a duration").hasMessageContaining("usage:");
    }

    @Test
    void aBadDuration_isRejectedNamingIt() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--exit-after", "soon")))
                .hasMessageContaining("--exit-after soon");
    }

    @Test
    void anUnknownOption_orASecondFile_isRejected() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--fast"))).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("a.json", "b.json")))
                .hasMessageContaining("only one pipeline file, got a.json and b.json");
    }
}
