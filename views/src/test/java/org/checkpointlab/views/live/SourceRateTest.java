package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.charts.OperatorLoadSampler;
import org.junit.jupiter.api.Test;

/** The status strip's records/s: the sources' current rate, the same figure the throughput chart draws. */
class SourceRateTest {
    private static final PipelineSpec PIPELINE = new PipelineSpec(1, "rate", List.of(
            new OperatorSpec("src", null, "sequence-source", 2, null, Map.of()),
            new OperatorSpec("count", null, "keyed-count", 2, null, Map.of())),
            List.of(new EdgeSpec("src", "count", Partitioning.HASH)), Map.of(), true);

    private static SubtaskSnapshot subtask(String op, int index, long in, long out) {
        return new SubtaskSnapshot(op + " task", List.of(op), index, 2, null, null, in, out, 0, 0, 0, 0, 0, 0, false,
                0, -1);
    }

    private static JobSnapshot snapshot(long nanos, long perSourceSubtask) {
        return new JobSnapshot(nanos, JobStatus.RUNNING, 0, List.of(subtask("src", 0, 0, perSourceSubtask),
                subtask("src", 1, 0, perSourceSubtask), subtask("count", 0, 2 * perSourceSubtask, 0)), List.of(),
                List.of(), List.of(), List.of(), -1, false, 1.0);
    }

    @Test
    void afterAMinuteAtFullSpeed_slowMotionShowsTheSlowRate_asTheChartDoes() {
        SourceRate rate = new SourceRate();
        rate.reset(PIPELINE);
        OperatorLoadSampler chart = new OperatorLoadSampler();
        rate.update(snapshot(0, 0));
        chart.sample(snapshot(0, 0));
        assertThat(rate.update(snapshot(60_000_000_000L, 3_000_000))).as("full speed: 100,000/s")
                .isCloseTo(100_000, within(0.5));
        chart.sample(snapshot(60_000_000_000L, 3_000_000));

        JobSnapshot slow = snapshot(61_000_000_000L, 3_000_001);

        double status = rate.update(slow);
        assertThat(status).as("slow motion: 1 record/s per source subtask").isCloseTo(2, within(1e-9));
        double chartSource = chart.sample(slow).stream().filter(l -> l.operatorId().equals("src")).findFirst()
                .orElseThrow().recordsPerSecond();
        assertThat(status).isEqualTo(chartSource);
    }

    @Test
    void aSourceChainedToItsSink_countsWhatTheSourceEmitted_thoughTheChainSendsNothingOn() {
        PipelineSpec chained = new PipelineSpec(1, "chained", List.of(
                new OperatorSpec("src", null, "sequence-source", 1, null, Map.of()),
                new OperatorSpec("out", null, "collect-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("src", "out", Partitioning.FORWARD)), Map.of(), true);
        SourceRate rate = new SourceRate();
        rate.reset(chained);
        rate.update(chainedSnapshot(0, 0));
        assertThat(rate.update(chainedSnapshot(2_000_000_000L, 2_000))).as("2,000 records in 2 s")
                .isCloseTo(1_000, within(1e-9));
    }

    /** One task running src and out: no records in (a source), none out (a sink), {@code emitted} by its head. */
    private static JobSnapshot chainedSnapshot(long nanos, long emitted) {
        SubtaskSnapshot task = new SubtaskSnapshot("src -> out", List.of("src", "out"), 0, 1, null, null, 0, 0, 0, 0,
                0, 0, 0, 0, false, 0, -1, emitted);
        return new JobSnapshot(nanos, JobStatus.RUNNING, 0, List.of(task), List.of(), List.of(), List.of(), List.of(),
                -1, false, 1.0);
    }

    @Test
    void beforeTwoSnapshots_theRateIsZero() {
        SourceRate rate = new SourceRate();
        rate.reset(PIPELINE);
        assertThat(rate.update(snapshot(1_000, 50))).isZero();
    }
}
