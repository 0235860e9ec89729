package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.views.i18n.InChinese;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stall alert in the Chinese window: the engine's facts (no checkpoint for N intervals, the subtask a pending
 * checkpoint waits for, back pressure as the likely cause) worded from the Chinese bundle, numbers and names as they
 * are. Runs in the JVM of the {@code *InChineseTest}s (views/pom.xml).
 */
@ExtendWith(InChinese.class)
class StallAlertLineInChineseTest {
    private static final CheckpointOptions EVERY_SECOND = CheckpointOptions.defaults()
            .withInterval(Duration.ofSeconds(1));

    @Test
    void aStallWithBackPressure_isWordedInChinese() {
        SubtaskSnapshot calm = new SubtaskSnapshot("Count c", List.of("c"), 0, 2, SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), 0, 0, 1000, 0, 0, 0, 0, 0, false, 0, -1);
        SubtaskSnapshot pressured = new SubtaskSnapshot("Count c", List.of("c"), 1, 2, SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), 0, 0, 100, 900, 0, 0, 0, 0, false, 0, -1);
        CheckpointStats done = new CheckpointStats(4, CheckpointStatus.COMPLETED, false, 1_000, 1_200, 2, 2, 200, 1,
                1, 0, 2, 0, 0, 0, 0, false, null, List.of());
        CheckpointStats pending = new CheckpointStats(5, CheckpointStatus.IN_PROGRESS, false, 2_000, 2_100, 1, 2, 100,
                1, 1, 0, 2, 0, 0, 0, 0, false, null, List.of(
                        new SubtaskCheckpointStats("c", 0, 1, 100, 1, 10, 0, 2, 0, 0, 0, 0, false)));
        JobSnapshot s = new JobSnapshot(0, JobStatus.RUNNING, 0, List.of(calm, pressured), List.of(),
                List.of(done, pending), List.of(), List.of(), -1, false, 1.0);

        String line = StallAlertLine.of(s, EVERY_SECOND, 0, Duration.ZERO, 6_500);

        assertThat(line).startsWith("\u26a0 检查点停滞：5 秒内没有检查点完成（3 个间隔，每个 1 s）")
                .contains("检查点 5 已等待 4 秒（1/2 已确认），在等待 Count c 的子任务 1")
                .contains("可能的原因：Count c 处反压（子任务 1，900 ms/s）")
                .doesNotContain("stall", "pending", "likely", "waits", "back pressure");
    }
}
