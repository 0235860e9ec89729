package org.checkpointlab.model.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lesson's steps advance on what a real engine run shows through the {@link JobClient} boundary: a barrier at an
 * operator, a completed checkpoint, a failure, a restore (its steps say {@code advance: on-event}, so they move on at
 * once: {@link LessonPacingTest} covers the other pace); a step's event counts only from when the step began;
 * Next, Back and Restart move by hand.
 */
class LessonProgressTest {
    private static final String LESSON = """
            format: 1
            title: {en: Recovery, zh-CN: 恢复}
            summary: {en: Fail and restore, zh-CN: 失败与恢复}
            pipeline:
              inline:
                name: Tiny
                operators:
                  - {id: numbers, kind: sequence-source, parallelism: 2, params: {count: 0, keys: 20, ratePerSecond: 2000}}
                  - {id: count, kind: keyed-count, parallelism: 2}
                  - {id: sink, kind: transactional-sink, parallelism: 2}
                edges:
                  - {from: numbers, to: count, partitioning: hash}
                  - {from: count, to: sink, partitioning: forward}
            checkpointing: {interval: 200ms}
            steps:
              - {id: read, title: {en: r, zh-CN: 读}, text: {en: r, zh-CN: 读}, when: next}
              - {id: barrier, title: {en: b, zh-CN: 屏}, text: {en: b, zh-CN: 屏}, advance: on-event, when: {barrier-reached: {operator: count}}}
              - {id: complete, title: {en: c, zh-CN: 完}, text: {en: c, zh-CN: 完}, advance: on-event, when: {checkpoint-completed: {count: 2}}}
              - {id: fail, title: {en: f, zh-CN: 败}, text: {en: f, zh-CN: 败}, advance: on-event, when: {subtask-failed: {operator: count}}}
              - {id: restore, title: {en: s, zh-CN: 复}, text: {en: s, zh-CN: 复}, advance: on-event, when: {job-restored: {from: checkpoint}}}
              - id: question
                title: {en: q, zh-CN: 问}
                text: {en: q, zh-CN: 问}
                question:
                  choices: [{en: a, zh-CN: 甲}, {en: b, zh-CN: 乙}]
                  answer: 1
                  explanation: {en: e, zh-CN: 释}
            """;

    private JobClient job;
    private final Map<String, Integer> actions = new HashMap<>();

    @AfterEach
    void close() {
        if (job != null) {
            job.close();
        }
    }

    private LessonObservation observe() {
        return LessonObservation.of(1, job, actions);
    }

    /** Observes until the step at {@code index} is left; fails naming the step when it is not. */
    /** Observes until step {@code index} ended; returns the observation it ended on (the next step's baseline). */
    private LessonObservation awaitStepEnds(LessonProgress progress, int index) {
        LessonObservation[] endedOn = new LessonObservation[1];
        Await.until(() -> {
            endedOn[0] = observe();
            progress.observe(endedOn[0]);
            return progress.stepIndex() > index || progress.completed();
        }, "step " + progress.lesson().steps().get(index).id() + " to end");
        return endedOn[0];
    }

    @Test
    void theStepsAdvanceOnTheEnginesEvents_inOrder() throws Exception {
        Lesson lesson = LessonFiles.parse("recovery.yaml", LESSON, null);
        CheckpointOptions options = CheckpointOptionsJson.apply(lesson.pipeline().checkpointing().written(),
                CheckpointOptions.defaults());
        job = JobLauncher.local().start(JobConfig.of(lesson.pipeline()).withCheckpointOptions(options));
        LessonProgress progress = new LessonProgress(lesson);

        progress.observe(observe());
        Await.holds(() -> !progress.observe(observe()), Duration.ofMillis(300), "a reading step waits for Next");
        assertThat(progress.stepIndex()).isZero();
        progress.next();
        assertThat(progress.step().id()).isEqualTo("barrier");

        long completedBefore = awaitStepEnds(progress, 1).snapshot().checkpoints().stream()
                .filter(c -> c.status() == org.checkpointlab.model.checkpoint.CheckpointStatus.COMPLETED).count();
        awaitStepEnds(progress, 2);
        long completedAfter = job.snapshot().checkpoints().stream()
                .filter(c -> c.status() == org.checkpointlab.model.checkpoint.CheckpointStatus.COMPLETED).count();
        assertThat(completedAfter).as("two more checkpoints completed during the step")
                .isGreaterThanOrEqualTo(completedBefore + 2);

        assertThat(progress.step().id()).isEqualTo("fail");
        Await.holds(() -> !progress.observe(observe()), Duration.ofMillis(300), "no failure yet");
        assertThat(job.injectFailure("count", 0)).isTrue();
        awaitStepEnds(progress, 3);
        awaitStepEnds(progress, 4);
        assertThat(job.snapshot().restarts()).last().satisfies(r -> assertThat(r.restoredCheckpointId()).isPositive());

        assertThat(progress.step().question()).isNotNull();
        assertThat(progress.observe(observe())).isFalse();
        actions.merge(StepCondition.Answered.ACTION, 1, Integer::sum);
        assertThat(progress.observe(observe())).isTrue();
        assertThat(progress.completed()).isTrue();
    }

    @Test
    void anEventBeforeTheStepBegan_doesNotEndIt_andBackAndRestartWatchAgain() throws Exception {
        Lesson lesson = LessonFiles.parse("recovery.yaml", LESSON, null);
        job = JobLauncher.local().start(JobConfig.of(lesson.pipeline()).withCheckpointOptions(
                CheckpointOptionsJson.apply(lesson.pipeline().checkpointing().written(), CheckpointOptions.defaults())));
        Await.until(() -> job.snapshot().checkpoints().size() >= 3, "three checkpoints before the lesson starts");
        assertThat(job.injectFailure("count", 1)).isTrue();
        Await.until(() -> !job.snapshot().restarts().isEmpty(), "the job to restart");

        LessonProgress progress = new LessonProgress(lesson);
        progress.observe(observe());
        progress.next();
        progress.next();
        progress.next();
        assertThat(progress.step().id()).isEqualTo("fail");
        Await.holds(() -> !progress.observe(observe()), Duration.ofMillis(300),
                "the failure before the step does not end it");

        progress.back();
        assertThat(progress.step().id()).isEqualTo("complete");
        Await.until(() -> {
            progress.observe(observe());
            return progress.seen();
        }, "the step gone back to, to see two more checkpoints");
        assertThat(progress.step().id()).as("a step gone back to stays until Next").isEqualTo("complete");
        progress.restart();
        assertThat(progress.stepIndex()).isZero();
        assertThat(progress.completed()).isFalse();
        assertThat(List.of(progress.observe(observe()), progress.observe(observe()))).containsOnly(false);
    }
}
