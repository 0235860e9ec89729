package org.checkpointlab.model.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a lesson moves on once a step's event was seen: a step that waited for the learner's own doing moves on at
 * once; a step whose event the engine makes (or whose file says {@code advance: on-next}) is marked as seen and stays
 * until Next; a step the learner went back to stays until Next; a condition that already held as the step began does
 * not move it on. Decided on observations alone: no job, no clock.
 */
class LessonPacingTest {
    private static final String LESSON = LessonFilesTest.HEAD + """
            steps:
              - id: act
                title: {en: Do it, zh-CN: 做}
                text: {en: t, zh-CN: 文}
                do: {en: Press A, zh-CN: 按 A}
                when: {user-did: {action: a}}
              - id: watch
                title: {en: Watch it, zh-CN: 看}
                text: {en: t, zh-CN: 文}
                when: {user-did: {action: b}}
              - id: act-then-read
                title: {en: Do then read, zh-CN: 做然后读}
                text: {en: t, zh-CN: 文}
                do: {en: Press C, zh-CN: 按 C}
                advance: on-next
                when: {user-did: {action: c}}
              - id: act-again
                title: {en: Do it again, zh-CN: 再做}
                text: {en: t, zh-CN: 文}
                do: {en: Press A, zh-CN: 按 A}
                when: {user-did: {action: a}}
            """;

    private final Map<String, Integer> actions = new HashMap<>();

    private LessonObservation did(String action) {
        if (action != null) {
            actions.merge(action, 1, Integer::sum);
        }
        return new LessonObservation(1, null, null, null, null, List.of(), actions);
    }

    private LessonProgress open() throws LessonFileException {
        LessonProgress progress = new LessonProgress(LessonFiles.parse("pacing.yaml", LESSON, null));
        progress.observe(did(null));
        return progress;
    }

    /** The lesson past its first step (done) and with the watch step's event seen: it waits for Next there. */
    private LessonProgress atTheSeenWatchStep() throws LessonFileException {
        LessonProgress progress = open();
        progress.observe(did("a"));
        progress.observe(did("b"));
        return progress;
    }

    @Test
    void theFileSaysHowEachStepAdvances_byDefaultOnItsEventOnlyWhenItAsksTheLearnerToDoSomething() throws Exception {
        Lesson lesson = LessonFiles.parse("pacing.yaml", LESSON, null);
        assertThat(lesson.steps()).extracting(LessonStep::advance).containsExactly(LessonStep.Advance.ON_EVENT,
                LessonStep.Advance.ON_NEXT, LessonStep.Advance.ON_NEXT, LessonStep.Advance.ON_EVENT);
    }

    @Test
    void aStepThatWaitedForTheLearnersAction_movesOnAtOnce() throws Exception {
        LessonProgress progress = open();
        assertThat(progress.observe(did("a"))).isTrue();
        assertThat(progress.step().id()).isEqualTo("watch");
        assertThat(progress.seen()).as("the new step's event has not happened yet").isFalse();
    }

    @Test
    void aWatchingStep_isMarkedSeen_andStaysUntilNext() throws Exception {
        LessonProgress progress = open();
        progress.observe(did("a"));
        assertThat(progress.observe(did("b"))).as("the panel shows it was seen").isTrue();
        assertThat(progress.step().id()).isEqualTo("watch");
        assertThat(progress.seen()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(progress.observe(did("b"))).as("the event again changes nothing").isFalse();
        }
        assertThat(progress.step().id()).isEqualTo("watch");
        progress.next();
        assertThat(progress.step().id()).isEqualTo("act-then-read");
        assertThat(progress.seen()).isFalse();
    }

    @Test
    void advanceOnNext_keepsAStepWithAnActionUntilNext() throws Exception {
        LessonProgress progress = open();
        progress.observe(did("a"));
        progress.next();
        assertThat(progress.observe(did("c"))).isTrue();
        assertThat(progress.step().id()).isEqualTo("act-then-read");
        assertThat(progress.seen()).isTrue();
    }

    @Test
    void anEventBeforeTheStepBegan_doesNotCompleteIt() throws Exception {
        LessonProgress progress = open();
        progress.observe(did("c")); // done ahead, at the first step
        progress.observe(did("a"));
        progress.next();
        assertThat(progress.step().id()).isEqualTo("act-then-read");
        assertThat(progress.observe(did(null))).isFalse();
        assertThat(progress.seen()).isFalse();
    }

    @Test
    void aStepReachedByBack_neverMovesOnByItself_andBackAgainGoesFurtherBack() throws Exception {
        LessonProgress progress = atTheSeenWatchStep();
        progress.next();
        assertThat(progress.step().id()).isEqualTo("act-then-read");
        progress.back();
        assertThat(progress.step().id()).isEqualTo("watch");
        assertThat(progress.reviewing()).isTrue();
        assertThat(progress.seen()).as("it was seen on the way forward").isTrue();
        progress.observe(did("b"));
        progress.observe(did("b"));
        progress.back();
        assertThat(progress.step().id()).as("Back again goes one step further back").isEqualTo("act");
        progress.observe(did("a"));
        progress.observe(did("a"));
        assertThat(progress.step().id()).as("reviewing: its event does not move on, though it is on-event")
                .isEqualTo("act");

        progress.next();
        progress.next();
        assertThat(progress.step().id()).isEqualTo("act-then-read");
        assertThat(progress.reviewing()).as("back at the furthest step").isFalse();
        progress.next();
        assertThat(progress.step().id()).isEqualTo("act-again");
        progress.back();
        progress.next();
        assertThat(progress.reviewing()).as("the furthest step moves on by itself again").isFalse();
        assertThat(progress.observe(did("a"))).isTrue();
        assertThat(progress.completed()).isTrue();
    }

    @Test
    void restart_forgetsWhatWasSeen() throws Exception {
        LessonProgress progress = atTheSeenWatchStep();
        progress.restart();
        progress.observe(did(null));
        assertThat(progress.stepIndex()).isZero();
        assertThat(progress.seen()).isFalse();
        assertThat(progress.reviewing()).isFalse();
        assertThat(progress.observe(did("a"))).isTrue();
        assertThat(progress.step().id()).isEqualTo("watch");
    }

    @Test
    void aConditionThatAlreadyHeldAsTheStepBegan_isSeen_butDoesNotMoveOn() throws Exception {
        String lesson = LessonFilesTest.HEAD + """
                steps:
                  - id: choose
                    title: {en: Choose, zh-CN: 选}
                    text: {en: t, zh-CN: 文}
                    do: {en: Choose at-least-once, zh-CN: 选至少一次}
                    when: {barriers: {mode: at-least-once}}
                  - {id: last, title: {en: l, zh-CN: 末}, text: {en: l, zh-CN: 末}, when: next}
                """;
        LessonProgress progress = new LessonProgress(LessonFiles.parse("held.yaml", lesson, null));
        var snapshot = new org.checkpointlab.model.observe.JobSnapshot(0,
                org.checkpointlab.model.observe.JobStatus.RUNNING, 0, List.of(), List.of(), List.of(), List.of(),
                List.of(), -1, false, 1.0);
        var atLeastOnce = new LessonObservation(1, snapshot, null, null,
                org.checkpointlab.model.checkpoint.CheckpointOptions.defaults()
                        .withMode(org.checkpointlab.model.checkpoint.CheckpointingMode.AT_LEAST_ONCE), List.of(), Map.of());

        assertThat(progress.observe(atLeastOnce)).as("seen as the step begins").isTrue();
        assertThat(progress.seen()).isTrue();
        progress.observe(atLeastOnce);
        assertThat(progress.step().id()).as("chosen before the step: it waits for Next").isEqualTo("choose");
    }
}
