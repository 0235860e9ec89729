package org.checkpointlab.model.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading lesson files: the shipped lessons, and malformed files refused with the file and line. */
class LessonFilesTest {
    private static final Path LESSONS = Path.of("..", "samples", "lessons");

    /** The head of a lesson file: format, texts and a tiny keyed pipeline; steps follow. */
    static final String HEAD = """
            format: 1
            title: {en: A lesson, zh-CN: 一课}
            summary: {en: What it teaches, zh-CN: 它教什么}
            pipeline:
              inline:
                name: Tiny
                operators:
                  - {id: numbers, kind: sequence-source, parallelism: 2, params: {count: 100}}
                  - {id: count, kind: keyed-count, parallelism: 2}
                  - {id: sink, kind: collect-sink, parallelism: 1}
                edges:
                  - {from: numbers, to: count, partitioning: hash}
                  - {from: count, to: sink, partitioning: rebalance}
            """;

    private static final String MINIMAL = HEAD + """
            checkpointing: {interval: 500ms}
            speed: 0.5
            steps:
              - id: first
                title: {en: First, zh-CN: 第一步}
                text: {en: Watch a barrier, zh-CN: 观察屏障}
                highlight: {edge: numbers -> count}
                when: {barrier-reached: {operator: count, checkpoint: 2}}
            """;

    static Stream<Path> shippedLessons() throws IOException {
        try (Stream<Path> files = Files.list(LESSONS)) {
            return files.filter(f -> f.toString().endsWith(LessonFiles.EXTENSION)).sorted().toList().stream();
        }
    }

    @Test
    void sixLessonsAreShipped() throws IOException {
        assertThat(shippedLessons()).hasSize(6);
    }

    @ParameterizedTest
    @MethodSource("shippedLessons")
    void eachShippedLesson_readsCompletely_inBothLanguages_andEndsWithAQuestion(Path file) throws Exception {
        Lesson lesson = LessonFiles.read(file);

        assertThat(lesson.steps()).hasSizeGreaterThanOrEqualTo(4);
        LessonStep last = lesson.steps().get(lesson.steps().size() - 1);
        assertThat(last.question()).as("the last step asks a question").isNotNull();
        assertThat(last.condition()).isInstanceOf(StepCondition.Answered.class);
        for (LessonStep step : lesson.steps()) {
            assertThat(step.text().en()).isNotBlank();
            assertThat(step.text().zhCn()).isNotBlank().isNotEqualTo(step.text().en());
            assertThat(step.title().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo(step.title().zhCn());
            assertThat(step.title().in(Locale.ENGLISH)).isEqualTo(step.title().en());
        }
        assertThat(lesson.speed()).isBetween(0.001, 1.0);
        assertThat(lesson.pipeline().checkpointing().written()).containsKey("interval");
    }

    @Test
    void aMinimalLesson_readsItsPipelineSettingsSpeedAndSteps() throws Exception {
        Lesson lesson = LessonFiles.parse("tiny.yaml", MINIMAL, null);

        assertThat(lesson.id()).isEqualTo("tiny");
        assertThat(lesson.title().zhCn()).isEqualTo("一课");
        assertThat(lesson.pipeline().operators()).hasSize(3);
        assertThat(lesson.pipeline().checkpointing().written()).containsEntry("interval", "500ms");
        assertThat(lesson.speed()).isEqualTo(0.5);
        LessonStep step = lesson.steps().get(0);
        assertThat(step.highlight()).isEqualTo(new Highlight.Edge("numbers", "count"));
        assertThat(step.condition()).isEqualTo(new StepCondition.BarrierReached("count", 2));
        assertThat(step.line()).isEqualTo(17);
    }

    @Test
    void checkpointCompleted_atLeastOnce_countsOnlyCheckpointsTakenAtLeastOnce() throws Exception {
        Lesson lesson = LessonFiles.parse("tiny.yaml", MINIMAL.replace(
                "when: {barrier-reached: {operator: count, checkpoint: 2}}",
                "when: {checkpoint-completed: {at-least-once: true}}"), null);

        StepCondition.CheckpointCompleted condition =
                (StepCondition.CheckpointCompleted) lesson.steps().get(0).condition();
        assertThat(condition.atLeastOnce()).isTrue();
        assertThat(condition.matches(completed(false))).as("an aligned checkpoint, triggered before the switch")
                .isFalse();
        assertThat(condition.matches(completed(true))).isTrue();
        assertThat(StepCondition.CheckpointCompleted.any().matches(completed(false))).isTrue();
    }

    private static org.checkpointlab.model.checkpoint.CheckpointStats completed(boolean atLeastOnce) {
        return new org.checkpointlab.model.checkpoint.CheckpointStats(1, org.checkpointlab.model.checkpoint
                .CheckpointStatus.COMPLETED, false, 0, 0, 2, 2, 5, 1, 1, 0, 0, 10, 10, 0, 0, false, null, List.of(),
                atLeastOnce);
    }

    @Test
    void aPipelineSample_isFoundNextToTheLessonFile_andTheLessonsSettingsOverrideItsOwn() throws Exception {
        Lesson lesson = LessonFiles.read(LESSONS.resolve("6-savepoints-vs-checkpoints.yaml"));

        assertThat(lesson.pipeline().name()).isEqualTo("Word count");
        assertThat(lesson.pipeline().checkpointing().written()).containsEntry("interval", "2s");
        assertThat(lesson.speed()).isEqualTo(0.05);
        assertThat(lesson.id()).isEqualTo("savepoints-vs-checkpoints");
    }

    record Malformed(String name, String from, String to, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Malformed> malformed() {
        return List.of(
                new Malformed("YAML syntax", "      - {id: count, kind: keyed-count, parallelism: 2}",
                        "      - {id: count, kind: keyed-count, parallelism: 2", 10, "not valid YAML"),
                new Malformed("unknown top-level key", "speed: 0.5", "sped: 0.5", 15, "unknown key 'sped'"),
                new Malformed("missing Chinese", "text: {en: Watch a barrier, zh-CN: 观察屏障}",
                        "text: {en: Watch a barrier}", 19, "steps[1].text: 'zh-CN' is missing"),
                new Malformed("unknown condition", "when: {barrier-reached: {operator: count, checkpoint: 2}}",
                        "when: {barrier-arrived: {operator: count}}", 21, "unknown condition 'barrier-arrived'"),
                new Malformed("unknown operator", "operator: count, checkpoint: 2", "operator: counter",
                        21, "the pipeline has no operator 'counter'"),
                new Malformed("unknown condition parameter", "checkpoint: 2}", "checkpoint: 2, channel: 1}", 21,
                        "'barrier-reached' has no parameter 'channel'"),
                new Malformed("no such edge", "edge: numbers -> count", "edge: count -> numbers", 20,
                        "the pipeline has no edge count -> numbers"),
                new Malformed("bad speed", "speed: 0.5", "speed: 5", 15, "speed must be between"),
                new Malformed("bad checkpoint settings", "{interval: 500ms}", "{interval: 500ms, mode: at-most-once}",
                        14, "checkpointing"),
                new Malformed("missing when", "    when: {barrier-reached: {operator: count, checkpoint: 2}}", "",
                        17, "needs 'when:'"),
                new Malformed("unknown advance", "highlight: {edge: numbers -> count}",
                        "highlight: {edge: numbers -> count}\n    advance: on-timer", 21,
                        "steps[1].advance: unknown value 'on-timer' (known: on-event, on-next)"),
                new Malformed("repeated key", "speed: 0.5", "speed: 0.5\nspeed: 0.4", 16, "'speed' is given twice"),
                new Malformed("unknown kind in the pipeline", "kind: keyed-count", "kind: keyed-counter", 5,
                        "keyed-counter"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedLesson_isRefusedNamingTheFileAndLine(Malformed m) {
        String text = MINIMAL.replace(m.from(), m.to());
        assertThat(text).as("the test changes the lesson").isNotEqualTo(MINIMAL);

        assertThatThrownBy(() -> LessonFiles.parse("broken.yaml", text, null))
                .isInstanceOfSatisfying(LessonFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("broken.yaml");
                    assertThat(e.line()).isEqualTo(m.line());
                    assertThat(e.getMessage()).startsWith("broken.yaml, line " + m.line() + ": ")
                            .contains(m.message());
                });
    }

    @Test
    void aQuestionWhoseAnswerIsNotAChoice_isRefused() {
        String text = MINIMAL.replace("    when: {barrier-reached: {operator: count, checkpoint: 2}}", """
                    question:
                      choices:
                        - {en: a, zh-CN: 甲}
                        - {en: b, zh-CN: 乙}
                      answer: 3
                      explanation: {en: because, zh-CN: 因为}
                """.stripTrailing());

        assertThatThrownBy(() -> LessonFiles.parse("q.yaml", text, null))
                .hasMessage("q.yaml, line 25: steps[1].question.answer: answer must be the number of a choice, "
                        + "1 to 2, was 3");
    }

    @Test
    void aMissingFile_isNamed() {
        assertThatThrownBy(() -> LessonFiles.read(LESSONS.resolve("no-such-lesson.yaml")))
                .hasMessageStartingWith("no-such-lesson.yaml: file not found");
    }
}
