package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.checkpoint.DeclineReason;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.StepEvent;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.ValidationProblem;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.savepoint.SavepointProblem;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.views.checkpoints.CheckpointFailureTexts;
import org.checkpointlab.views.checkpoints.FailureCauseTexts;
import org.checkpointlab.views.i18n.InChinese;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.StepEventTexts;
import org.checkpointlab.views.session.Problems;
import org.checkpointlab.views.state.RunningJobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine reports while a job runs reaches the Chinese window in Chinese: the barrier event a step stopped
 * at, why a task declined a checkpoint, why the job failed over (too many failed checkpoints, a failed snapshot),
 * worded from the bundles; ids, numbers and an operator's own exception stay as they are. The English bundle keeps
 * the command line's words. Runs in a JVM of its own with the other {@code *InChineseTest}s (views/pom.xml).
 */
@ExtendWith(InChinese.class)
class RuntimeTextsInChineseTest {
    /** English words of the engine's wording that must not be left in a Chinese text. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(barrier|reached|from|sent|source|declined|checkpoint|arrived|before|aligned|failed|exceeded"
                    + "|tolerable|threshold|snapshot|job|savepoint|operator|parallelism|state)\\b");

    @Test
    void theEventAStepStoppedAt_isChinese() {
        assertThat(StepEventTexts.of(StepEvent.barrierReached(7, "count", 1, "split", 0)))
                .isEqualTo("屏障 7 从 split #0 到达了 count #1");
        assertThat(StepEventTexts.of(StepEvent.barrierSent(12, "sentences", 0)))
                .isEqualTo("数据源 sentences #0 发出了屏障 12");
        for (StepEvent.Kind kind : StepEvent.Kind.values()) {
            StepEvent e = new StepEvent(kind, 3, "count", 1, "split", 0);
            assertThat(StepEventTexts.of(e)).as(kind.name()).doesNotContainPattern(ENGLISH).doesNotContain("{");
        }
    }

    @Test
    void whyATaskDeclinedACheckpoint_isChinese_theExceptionKeepsItsWords() {
        CheckpointFailure newer = CheckpointFailure.declined("count#1", DeclineReason.newerBarrier(5, 4));
        CheckpointFailure async = CheckpointFailure.declined("sink#0",
                DeclineReason.asyncPhaseFailed("Committed output (1/2)", "java.io.IOException: disk full"));

        assertThat(CheckpointFailureTexts.of(newer)).isEqualTo("被 count#1 拒绝：检查点 4 尚未对齐，检查点 5 的屏障就已到达");
        assertThat(CheckpointFailureTexts.of(async))
                .isEqualTo("被 sink#0 拒绝：Committed output (1/2) 的异步阶段失败：java.io.IOException: disk full");
        assertThat(CheckpointFailureTexts.of(newer)).doesNotContainPattern(ENGLISH);
    }

    @Test
    void tooManyFailedCheckpoints_isChineseInTheExceptionHistory_andWhereItFailedThePendingCheckpoints() {
        FailureCause tooMany = FailureCause.checkpointFailuresExceeded(0,
                CheckpointFailure.of(CheckpointFailure.Reason.EXPIRED, 600_000));
        FailureEvent jobFailed = new FailureEvent(1, null, -1, tooMany.english(), tooMany);
        CheckpointFailure pending = FailureCause.taskFailed(CheckpointFailure.THE_JOB,
                new IllegalStateException(tooMany.english()), tooMany);

        assertThat(Problems.of(jobFailed)).isEqualTo("连续失败的检查点超过了可容忍的失败次数（0）：检查点在完成前超时（超时时间 600000 毫秒）");
        assertThat(CheckpointFailureTexts.of(pending))
                .isEqualTo("作业 失败：连续失败的检查点超过了可容忍的失败次数（0）：检查点在完成前超时（超时时间 600000 毫秒）");
        assertThat(CheckpointFailureTexts.of(pending)).doesNotContainPattern(ENGLISH);
    }

    @Test
    void anInjectedFailure_isChineseWhereItFailedThePendingCheckpoints_anOperatorsExceptionKeepsItsWords() {
        FailureCause injected = FailureCause.of(FailureCause.Kind.INJECTED, "count", 0);
        CheckpointFailure byInjection = FailureCause.taskFailed("Count per word #0",
                new RuntimeException(injected.english()), injected);
        CheckpointFailure byOperator = FailureCause.taskFailed("Count per word #0",
                new IllegalStateException("boom"), null);

        assertThat(CheckpointFailureTexts.of(byInjection)).isEqualTo("Count per word #0 失败：向 count #0 注入了故障");
        assertThat(CheckpointFailureTexts.of(byOperator))
                .isEqualTo("Count per word #0 失败：java.lang.IllegalStateException: boom");
    }

    @Test
    void aFailedSnapshot_isChinese_itsExceptionKeepsItsWords() {
        FailureCause snapshot = FailureCause.of(FailureCause.Kind.SNAPSHOT_FAILED, "Count per word (1/2)", 5,
                "java.io.IOException: disk full");
        FailureEvent failed = new FailureEvent(1, "count", 0, snapshot.english(), snapshot);

        assertThat(Problems.of(failed)).isEqualTo("Count per word (1/2) 为检查点 5 做快照失败：java.io.IOException: disk full");
    }

    @Test
    void everyFailureCause_isWordedInChinese() {
        for (FailureCause.Kind kind : FailureCause.Kind.values()) {
            FailureCause cause = kind == FailureCause.Kind.CHECKPOINT_FAILURES_EXCEEDED
                    ? FailureCause.checkpointFailuresExceeded(2, CheckpointFailure.of(CheckpointFailure.Reason.SUBSUMED, 4))
                    : FailureCause.of(kind, "count", 1, 2, 3);
            assertThat(FailureCauseTexts.of(cause)).as(kind.name()).isNotEqualTo(cause.english())
                    .doesNotContain("{");
        }
    }

    @Test
    void whyASavepointCannotRestoreThePipeline_isChinese() {
        PipelineException refused = PipelineException.of(List.of(
                ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_STATE_NOT_IN_PIPELINE, "/tmp/sp-1", "count",
                        "keyed-count"),
                ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_MAX_PARALLELISM_CHANGED, "/tmp/sp-1", "count",
                        256, 128)));

        assertThat(Problems.of(refused)).containsExactly(
                "保存点 /tmp/sp-1：其中有算子 'count'（keyed-count）的状态，但流水线中已没有该算子；勾选“允许未恢复的状态”即可跳过它",
                "保存点 /tmp/sp-1：算子 'count' 的最大并行度为 256，但其 keyed 状态是以 128 写入的；最大并行度不能改变");
        for (ValidationProblem.Kind kind : ValidationProblem.Kind.values()) {
            if (kind.name().startsWith("SAVEPOINT_")) {
                assertThat(Problems.of(ValidationProblem.of(kind, "/tmp/sp-1", "count", 2, 3)))
                        .as(kind.name()).doesNotContainPattern(ENGLISH);
            }
        }
    }

    @Test
    void whatASavepointDirectoryHolds_isNamedInChinese() {
        SavepointMetadata savepoint = new SavepointMetadata(SavepointMetadata.FORMAT, "savepoint", 13, 0, "Word count",
                List.of(), List.of());
        SavepointMetadata retained = new SavepointMetadata(SavepointMetadata.FORMAT, "checkpoint", 7, 0, "Word count",
                List.of(), List.of());

        assertThat(RunningJobState.savepointType(savepoint)).isEqualTo("保存点");
        assertThat(RunningJobState.savepointType(retained)).isEqualTo("检查点");
    }

    @Test
    void aDirectoryThatIsNoSavepoint_isSaidInChinese(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path empty = Files.createDirectory(dir.resolve("sp-empty"));

        assertThat(Problems.of(readFails(dir.resolve("gone")))).containsExactly("保存点 " + dir.resolve("gone") + " 不存在");
        assertThat(Problems.of(readFails(file))).containsExactly(file + " 是文件，不是保存点目录");
        assertThat(Problems.of(readFails(empty))).containsExactly(empty + " 不是保存点：其中没有 _metadata.json");
        for (SavepointProblem.Kind kind : SavepointProblem.Kind.values()) {
            SavepointProblem p = SavepointProblem.of(kind, "/tmp/sp", "_metadata.json");
            assertThat(Problems.of(new SavepointException(p, null))).as(kind.name()).singleElement()
                    .isNotEqualTo(p.english()).asString().doesNotContain("{");
        }
    }

    private static SavepointException readFails(Path dir) {
        try {
            SavepointReader.read(dir);
            throw new AssertionError(dir + " was read as a savepoint");
        } catch (SavepointException e) {
            return e;
        }
    }

    @Test
    void theEnglishBundle_keepsTheCommandLinesWords() {
        Texts.use(Locale.ENGLISH);
        try {
            for (StepEvent.Kind kind : StepEvent.Kind.values()) {
                StepEvent e = new StepEvent(kind, 3, "count", 1, "split", 0);
                assertThat(StepEventTexts.of(e)).isEqualTo(e.english());
            }
            FailureCause tooMany = FailureCause.checkpointFailuresExceeded(0,
                    CheckpointFailure.of(CheckpointFailure.Reason.EXPIRED, 600_000));
            for (FailureCause cause : List.of(tooMany, FailureCause.of(FailureCause.Kind.SNAPSHOT_FAILED, "Count (1/2)",
                    5, "disk full"))) {
                assertThat(FailureCauseTexts.of(cause)).isEqualTo(cause.english());
            }
            CheckpointFailure pending = FailureCause.taskFailed(CheckpointFailure.THE_JOB,
                    new IllegalStateException(tooMany.english()), tooMany);
            assertThat(CheckpointFailureTexts.of(pending)).isEqualTo("job failed: " + tooMany.english());
            ValidationProblem gone = ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_STATE_NOT_IN_PIPELINE,
                    "/tmp/sp-1", "count", "keyed-count");
            assertThat(Problems.of(gone)).isEqualTo(gone.english());
            for (SavepointProblem.Kind kind : SavepointProblem.Kind.values()) {
                SavepointProblem p = SavepointProblem.of(kind, "/tmp/sp", "_metadata.json");
                assertThat(Problems.of(new SavepointException(p, null))).containsExactly(p.english());
            }
            for (DeclineReason why : List.of(DeclineReason.newerBarrier(5, 4),
                    DeclineReason.asyncPhaseFailed("Count (1/2)", "boom"), DeclineReason.other("disk full"))) {
                CheckpointFailure f = CheckpointFailure.declined("count#1", why);
                assertThat(CheckpointFailureTexts.of(f)).isEqualTo(f.english());
            }
        } finally {
            Texts.use(Locale.SIMPLIFIED_CHINESE);
        }
    }
}
