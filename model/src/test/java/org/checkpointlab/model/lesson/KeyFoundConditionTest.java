package org.checkpointlab.model.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/**
 * The {@code key-found} step condition: a key found with the State view's search after the step began, in the
 * operator and with the key it names, and with {@code rescaled} only where the rescale of the running job put it.
 */
class KeyFoundConditionTest {
    private static final KeyFound CHECKPOINT_AT_2 = new KeyFound("count", "checkpoint", 43, 2, 0, 2, false);
    private static final KeyFound CHECKPOINT_AT_3_LIVE = new KeyFound("count", "checkpoint", 43, 3, 1, 3, true);
    private static final KeyFound CHECKPOINT_ASKED_AT_3 = new KeyFound("count", "checkpoint", 43, 3, 1, 2, false);

    private final List<KeyFound> found = new ArrayList<>();

    private static PipelineSpec wordCount(int countParallelism) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "words", List.of(
                new OperatorSpec("words", null, "sentence-source", 1, null, Map.of()),
                new OperatorSpec("count", null, "keyed-count", countParallelism, null, Map.of()),
                new OperatorSpec("sink", null, "collect-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("words", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.REBALANCE)), Map.of(), true);
    }

    /** The job running {@code count} at {@code parallelism}, started from a savepoint when {@code restored}. */
    private LessonObservation observe(long jobSerial, int parallelism, boolean restored) {
        PipelineSpec p = wordCount(parallelism);
        JobConfig config = JobConfig.of(p);
        if (restored) {
            config = config.withRestore(new SavepointRestore(Path.of("savepoints", "savepoint-1"), false));
        }
        return new LessonObservation(jobSerial, null, p, config, null, List.of(), Map.of(), found);
    }

    @Test
    void aKeyFoundAfterTheStepBegan_endsIt_oneFoundBefore_doesNot() {
        found.add(CHECKPOINT_AT_2);
        StepCondition.Watch watch = new StepCondition.KeyFoundInState(null, null, false).watchFrom(observe(1, 2, false));
        assertThat(watch.met(observe(1, 2, false))).as("found before the step began").isFalse();

        found.add(new KeyFound("count", "the", 57, 2, 1, 2, false));

        assertThat(watch.met(observe(1, 2, false))).isTrue();
    }

    @Test
    void theOperatorAndKeyNamed_mustMatch() {
        StepCondition.Watch watch = new StepCondition.KeyFoundInState("count", "7", false).watchFrom(observe(1, 2, false));
        found.add(new KeyFound("count", "8", 1, 2, 0, 2, false));
        found.add(new KeyFound("dedup", "7", 1, 2, 0, 2, false));
        assertThat(watch.met(observe(1, 2, false))).isFalse();

        found.add(new KeyFound("count", "7", 1, 2, 0, 2, false));

        assertThat(watch.met(observe(1, 2, false))).isTrue();
    }

    @Test
    void rescaled_needsTheKeyWhereTheRestoredJobRunsIt() {
        StepCondition.Watch watch = new StepCondition.KeyFoundInState("count", "checkpoint", true)
                .watchFrom(observe(2, 3, true));
        found.add(CHECKPOINT_AT_2);
        assertThat(watch.met(observe(2, 3, true))).as("found in the old savepoint at its own parallelism").isFalse();

        found.add(CHECKPOINT_AT_3_LIVE);

        assertThat(watch.met(observe(2, 3, true))).as("found in the rescaled job's own checkpoint").isTrue();
    }

    @Test
    void rescaled_acceptsTheOldSavepointAskedAtTheNewParallelism() {
        StepCondition.Watch watch = new StepCondition.KeyFoundInState("count", null, true)
                .watchFrom(observe(2, 3, true));
        found.add(new KeyFound("count", "checkpoint", 43, 4, 1, 2, false));
        assertThat(watch.met(observe(2, 3, true))).as("asked at a parallelism the job does not run").isFalse();

        found.add(CHECKPOINT_ASKED_AT_3);

        assertThat(watch.met(observe(2, 3, true))).isTrue();
    }

    @Test
    void rescaled_isNotMet_byAJobThatWasNotRestoredFromASavepoint() {
        StepCondition.Watch watch = new StepCondition.KeyFoundInState("count", null, true)
                .watchFrom(observe(1, 3, false));
        found.add(CHECKPOINT_AT_3_LIVE);

        assertThat(watch.met(observe(1, 3, false))).isFalse();
    }

    @Test
    void theReader_readsKeyFound_withItsParameters() throws Exception {
        String yaml = LessonFilesTest.HEAD + """
                steps:
                  - id: find
                    title: {en: Find, zh-CN: 查找}
                    text: {en: Find key 7, zh-CN: 查找键 7}
                    when: {key-found: {operator: count, key: 7, rescaled: true}}
                  - id: any
                    title: {en: Any, zh-CN: 任意}
                    text: {en: Find a key, zh-CN: 查找一个键}
                    when: key-found
                """;
        Lesson lesson = LessonFiles.parse("find.yaml", yaml, null);

        assertThat(lesson.steps().get(0).condition()).isEqualTo(new StepCondition.KeyFoundInState("count", "7", true));
        assertThat(lesson.steps().get(1).condition()).isEqualTo(new StepCondition.KeyFoundInState(null, null, false));
    }
}
