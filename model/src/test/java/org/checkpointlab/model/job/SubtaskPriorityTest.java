package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SubtaskThreadPriority;
import org.junit.jupiter.api.Test;

/**
 * Subtask threads of a job started with {@link RuntimeOptions#lowPrioritySubtasks()} run at the lowest OS priority
 * (read back from Linux's {@code /proc}, as the scheduler sees it), and at normal priority otherwise.
 */
class SubtaskPriorityTest {

    private static PipelineSpec pipeline(String prefix) {
        return new PipelineSpec(1, prefix, List.of(
                TestPipelines.op(prefix + "src", "sequence-source", 2, Map.of("count", 0L, "ratePerSecond", 1000L)),
                TestPipelines.op(prefix + "snk", "discard-sink", 2, Map.of())),
                List.of(TestPipelines.edge(prefix + "src", prefix + "snk", Partitioning.REBALANCE)), Map.of(), false);
    }

    @Test
    void lowPrioritySubtasks_runAtTheLowestNiceValue_othersAtTheProcessDefault() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).as("Linux /proc").isTrue();
        int normal = nice(Path.of("/proc/thread-self"));

        RuntimeOptions low = RuntimeOptions.defaults().withLowPrioritySubtasks(true);
        try (Job job = Job.start(JobConfig.of(pipeline("lowp")).withRuntimeOptions(low))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(nicesOfThreadsNamed("lowp")).hasSize(4).containsOnly(SubtaskThreadPriority.NICE);
        }
        try (Job job = Job.start(JobConfig.of(pipeline("norm")))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(nicesOfThreadsNamed("norm")).hasSize(4).containsOnly(normal);
        }
    }

    /** The nice value of every live thread of this process whose name starts with {@code prefix}. */
    private static List<Integer> nicesOfThreadsNamed(String prefix) throws IOException {
        List<Integer> nices = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        nices.add(nice(task));
                    }
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        }
        return nices;
    }

    /** Field 19 of {@code stat}; the name in field 2 is in parentheses and may hold spaces. */
    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
