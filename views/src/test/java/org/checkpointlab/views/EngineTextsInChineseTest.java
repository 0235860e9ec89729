package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleObjectProperty;
import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.TriggerRefusal;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.DeliveryCheck.SinkDelivery;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.ValidationProblem;
import org.checkpointlab.views.checkpoints.CheckpointFailureTexts;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.i18n.InChinese;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.CheckpointProgress;
import org.checkpointlab.views.output.OutputViewModel;
import org.checkpointlab.views.output.VerdictTexts;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.session.Problems;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the engine reports reaches the Chinese window in Chinese: validation problems (the editor, a refused run),
 * the delivery verdict (Output tab), checkpoint failures and refused triggers (Checkpoints tab, status strip) and
 * injected failures (exception history), worded from the bundles; ids, numbers and Flink's statuses stay as they
 * are. Runs in a JVM of its own with the other {@code *InChineseTest}s (views/pom.xml).
 */
@ExtendWith(InChinese.class)
class EngineTextsInChineseTest {
    /** English words of the engine's wording that must not be left in a Chinese text. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(operator|edge|input|inputs|duplicates?|records?|lost|held|checkpoint|expired|failure|injected"
                    + "|trigger|job|not|computable|unbounded)\\b");

    @Test
    void theEditorsProblems_areChinese_namingTheOperatorsAndEdges() {
        PipelineSpec wordCount = TestPipelines.wordCount();
        PipelineSpec broken = new PipelineSpec(wordCount.format(), wordCount.name(), wordCount.operators(),
                wordCount.edges().subList(1, wordCount.edges().size()), Map.of(), true);
        EditablePipeline pipeline = EditablePipeline.of(broken, Map.of());

        List<String> problems = pipeline.problems();

        assertThat(pipeline.findings()).isNotEmpty();
        assertThat(problems).hasSameSizeAs(pipeline.findings());
        String orphan = broken.edges().get(0).from();
        assertThat(problems).contains("算子 '" + orphan + "'：没有输入；除 source 外每个算子都需要输入");
        assertThat(problems).noneMatch(p -> ENGLISH.matcher(p).find());
    }

    @Test
    void everyValidationProblem_isWordedInChinese() {
        for (ValidationProblem.Kind kind : ValidationProblem.Kind.values()) {
            ValidationProblem p = kind == ValidationProblem.Kind.CHECKPOINTING_VALUE // its second argument: a kind
                    ? ValidationProblem.of(kind, "timeout", "NOT_DURATION", "soon", "10m", "'timeout': soon")
                    : ValidationProblem.of(kind, "count", "2", "3", "4", "5");
            String chinese = Problems.of(p);
            assertThat(chinese).as(kind.name()).isNotEqualTo(p.english()).doesNotContain("{");
        }
        assertThat(Problems.of(ValidationProblem.of(ValidationProblem.Kind.FORWARD_PARALLELISM, "words", "count",
                2, 3))).isEqualTo("边 words -> count：forward 边要求两端并行度相同，但 'words' 为 2，'count' 为 3（请使用 "
                + "rebalance 或 hash）");
    }

    @Test
    void theOutputTabsVerdict_isChinese() {
        FakeJobClient client = FakeJobClient.of(TestPipelines.wordCount());
        String sink = client.pipeline().operators().get(client.pipeline().operators().size() - 1).id();
        client.sinkOutputs.add(new SinkOutputSnapshot(sink, "transactional-sink", 12, "000000000000000c", List.of(),
                List.of()));
        client.delivery.add(new SinkDelivery(sink, "transactional-sink", 12, 10, 2, 0,
                DeliveryVerdict.compared(2, 0)));
        client.status = JobStatus.FINISHED;
        SimpleObjectProperty<JobSnapshot> snapshots = new SimpleObjectProperty<>();
        OutputViewModel output = new OutputViewModel(snapshots, new SimpleObjectProperty<JobClient>(client),
                TaskRunner.sameThread());

        snapshots.set(client.snapshot());

        assertThat(output.sinks().get(0).verdict()).isEqualTo("至少一次：2 条重复，没有丢失");
        assertThat(output.deliveryProperty().get()).isEqualTo(sink + ": 至少一次：2 条重复，没有丢失");
    }

    @Test
    void everyVerdict_andWhyThereIsNone_isChinese() {
        assertThat(VerdictTexts.of(DeliveryVerdict.compared(0, 0))).isEqualTo("精确一次成立");
        assertThat(VerdictTexts.of(DeliveryVerdict.compared(2, 1))).isEqualTo("1 条记录丢失，2 条重复");
        assertThat(VerdictTexts.of(DeliveryVerdict.notComputable(DeliveryVerdict.NotComputable.of(
                DeliveryVerdict.Reason.UNBOUNDED_SOURCE, "numbers")))).isEqualTo("无法判定：source 'numbers' 是无界的");
        for (DeliveryVerdict.Reason reason : DeliveryVerdict.Reason.values()) {
            if (reason == DeliveryVerdict.Reason.OTHER) {
                continue; // another engine's own words
            }
            DeliveryVerdict.NotComputable why = DeliveryVerdict.NotComputable.of(reason, "RUNNING", "3");
            assertThat(VerdictTexts.why(why)).as(reason.name()).isNotEqualTo(why.english())
                    .doesNotContainPattern(ENGLISH);
        }
    }

    @Test
    void checkpointFailures_andRefusedTriggers_areChinese() {
        CheckpointStats expired = new CheckpointStats(4, CheckpointStatus.FAILED, false, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0,
                0, 0, 0, false, CheckpointFailure.of(CheckpointFailure.Reason.EXPIRED, 600_000), List.of());

        assertThat(CheckpointFailureTexts.of(expired)).isEqualTo("检查点在完成前超时（超时时间 600000 毫秒）");
        assertThat(CheckpointProgress.text(expired)).contains("检查点在完成前超时").doesNotContainPattern(ENGLISH);
        for (CheckpointFailure.Reason reason : CheckpointFailure.Reason.values()) {
            if (reason != CheckpointFailure.Reason.OTHER) {
                CheckpointFailure f = CheckpointFailure.of(reason, "count#1", "7");
                assertThat(CheckpointFailureTexts.of(f)).as(reason.name()).isNotEqualTo(f.english());
            }
        }
        Throwable refused = new java.util.concurrent.CompletionException(TriggerRefusal.of(
                TriggerRefusal.Reason.JOB_NOT_RUNNING, JobStatus.RESTARTING).exception());
        assertThat(CheckpointFailureTexts.whyNotTriggered(refused)).isEqualTo("无法触发检查点：作业处于 RESTARTING 状态");
        assertThat(Problems.of(refused)).containsExactly("无法触发检查点：作业处于 RESTARTING 状态");
    }

    @Test
    void anInjectedFailure_isChineseInTheExceptionHistory_anOperatorsExceptionKeepsItsWords() {
        FailureEvent injected = new FailureEvent(1, "count", 1, "failure injected into count #1",
                FailureCause.of(FailureCause.Kind.INJECTED, "count", 1));
        FailureEvent atRecord = new FailureEvent(1, "count", 0, "failure injected into count #0 at record 500",
                FailureCause.of(FailureCause.Kind.INJECTED_AT_RECORD, "count", 0, 500, 0));
        FailureEvent thrown = new FailureEvent(1, "count", 0, "java.lang.IllegalStateException: boom");

        assertThat(Problems.of(injected)).isEqualTo("向 count #1 注入了故障");
        assertThat(Problems.of(atRecord)).isEqualTo("在第 500 条记录时向 count #0 注入了故障");
        assertThat(Problems.of(thrown)).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void theEnglishBundle_keepsTheCommandLinesWords() {
        Texts.use(Locale.ENGLISH);
        try {
            ValidationProblem p = ValidationProblem.of(ValidationProblem.Kind.INPUTS_EXACTLY, "count", "keyed-count",
                    1, 2);
            assertThat(Problems.of(p)).isEqualTo(p.english());
            DeliveryVerdict lost = DeliveryVerdict.compared(1, 1);
            assertThat(VerdictTexts.of(lost)).isEqualTo(lost.english());
            assertThat(VerdictTexts.of(DeliveryVerdict.countsOnly(-3, false)))
                    .isEqualTo(DeliveryVerdict.countsOnly(-3, false).english());
        } finally {
            Texts.use(Locale.SIMPLIFIED_CHINESE);
        }
    }
}
