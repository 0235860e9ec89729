package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.client.JobClient.Capability;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/**
 * The session as the one owner of the job: one sample per frame reaches the live graph and, at most at the poll
 * rate, the panels; failures and recoveries are derived once into one event log; run controls follow the job.
 */
class JobSessionFeedTest {
    private static final long MS = 1_000_000L;

    private final FakeJobClient.Launcher launcher = FakeJobClient.Launcher.everyCapability();
    private final JobSession session = new JobSession(launcher, TaskRunner.sameThread(), Path.of("target", "feed-sp"),
            () -> 1_000L, Runnable::run);
    private final List<JobSnapshot> sampled = new ArrayList<>();

    static PipelineSpec pipeline() {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "p",
                List.of(new OperatorSpec("numbers", null, "sequence-source", 2, null, Map.of("count", 10L)),
                        new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                        new OperatorSpec("sink", null, "discard-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.REBALANCE)), Map.of(), true);
    }

    @Test
    void eachSampleReachesTheLiveGraph_andThePanelsAtMostEveryPollInterval() throws Exception {
        session.onSample((s, now) -> sampled.add(s));
        session.start(JobConfig.of(pipeline()));
        long t = System.nanoTime() + 1_000 * MS; // well after the publish of start
        sampled.clear();

        JobSnapshot first = session.sample(t, false);
        assertThat(sampled).containsExactly(first);
        assertThat(session.snapshotProperty().get()).isSameAs(first);

        JobSnapshot tooSoon = session.sample(t + 100 * MS, false);
        assertThat(sampled).containsExactly(first, tooSoon);
        assertThat(session.snapshotProperty().get()).as("within 250 ms of the last: panels keep theirs")
                .isSameAs(first);

        JobSnapshot next = session.sample(t + 300 * MS, false);
        assertThat(session.snapshotProperty().get()).isSameAs(next);
    }

    @Test
    void whileTheLiveViewIsConstrained_panelsAreUpdatedEveryThreeSeconds() throws Exception {
        session.start(JobConfig.of(pipeline()));
        long t = System.nanoTime() + 4_000 * MS;
        JobSnapshot first = session.sample(t, true);
        assertThat(session.snapshotProperty().get()).isSameAs(first);

        session.sample(t + 500 * MS, true);
        session.sample(t + 2_900 * MS, true);
        assertThat(session.snapshotProperty().get()).as("constrained: not within 3 s").isSameAs(first);

        JobSnapshot third = session.sample(t + 3_100 * MS, true);
        assertThat(session.snapshotProperty().get()).as("a sample 3 s after the last update").isSameAs(third);
        JobSnapshot fourth = session.sample(t + 3_400 * MS, false);
        assertThat(session.snapshotProperty().get()).as("not constrained: the poll interval holds")
                .isSameAs(fourth);
    }

    @Test
    void aChangeOfTheJobsStatus_reachesThePanelsAtOnce() throws Exception {
        FakeJobClient job = (FakeJobClient) session.start(JobConfig.of(pipeline()));
        long t = System.nanoTime() + 4_000 * MS;
        session.sample(t, true);

        job.status = JobStatus.FINISHED;
        JobSnapshot finished = session.sample(t + 100 * MS, true);

        assertThat(session.snapshotProperty().get()).as("the Output tab checks delivery as soon as the job ended")
                .isSameAs(finished);
        session.sample(t + 200 * MS, true);
        assertThat(session.snapshotProperty().get()).as("the same status again waits its turn").isSameAs(finished);
    }

    @Test
    void failuresAndRecoveries_areDerivedOnce_intoTheChartEventsAndTheExceptionHistory() throws Exception {
        FakeJobClient job = (FakeJobClient) session.start(JobConfig.of(pipeline()));
        long t = System.nanoTime();
        job.failures.add(new FailureEvent(2_000, "count", 1, "failure injected into count #1"));
        job.status = JobStatus.RESTARTING;
        session.sample(t, false);
        session.sample(t + 10 * MS, false); // the same failure again: not a second event
        job.restarts.add(new RestartEvent(2_000, 2_600, 4, 500));
        job.status = JobStatus.RUNNING;
        session.sample(t + 20 * MS, false);

        assertThat(session.events()).extracting(JobEvent::kind)
                .containsExactly(JobEvent.Kind.FAILURE, JobEvent.Kind.RECOVERY);
        assertThat(session.history()).extracting(HistoryEntry::text).containsExactly(
                "\u2715 count #1 failed: failure injected into count #1",
                "\u21bb restarted after 500 ms backoff, state restored from checkpoint 4");
    }

    @Test
    void aNewJob_takesTheSessionsSpeedAndPause_andReplacesTheOldOne_whichIsCancelled() throws Exception {
        session.speedProperty().set(0.25);
        session.pausedProperty().set(true);
        FakeJobClient first = (FakeJobClient) session.start(JobConfig.of(pipeline()));
        assertThat(first.commands).containsExactly("speed 0.25", "paused true");
        first.failures.add(new FailureEvent(2_000, "count", 0, "boom"));
        session.refresh();
        assertThat(session.history()).hasSize(1);

        FakeJobClient second = (FakeJobClient) session.start(JobConfig.of(pipeline()));
        assertThat(first.commands).endsWith("cancel");
        assertThat(session.job()).isSameAs(second);
        assertThat(session.history()).as("the exception history is the current job's").isEmpty();
        session.speedProperty().set(1.0);
        assertThat(second.commands).containsExactly("speed 0.25", "paused true", "speed 1.0");
        assertThat(first.commands).doesNotContain("speed 1.0");
    }

    @Test
    void anEngineWithoutTheControls_isNotAskedForThem() throws Exception {
        FakeJobClient.Launcher plain = new FakeJobClient.Launcher(EnumSet.noneOf(Capability.class));
        JobSession basic = new JobSession(plain, TaskRunner.sameThread(), Path.of("target", "feed-sp"));
        basic.speedProperty().set(0.5);
        FakeJobClient job = (FakeJobClient) basic.start(JobConfig.of(pipeline()));

        assertThat(basic.injectFailure("count", 0)).isFalse();
        assertThat(basic.step()).isFalse();
        assertThat(basic.updateCheckpointOptions(job.checkpointOptions().withUnaligned(true))).singleElement()
                .asString().contains("cannot change checkpoint options");
        assertThat(job.commands).isEmpty();
    }

    @Test
    void clear_cancelsTheJob_andLeavesThePanelsNothingToShow() throws Exception {
        FakeJobClient job = (FakeJobClient) session.start(JobConfig.of(pipeline()));
        assertThat(session.snapshotProperty().get()).isNotNull();

        session.clear();

        assertThat(job.status).isEqualTo(JobStatus.CANCELED);
        assertThat(session.job()).isNull();
        assertThat(session.snapshotProperty().get()).isNull();
        assertThat(session.checkpointOptionsProperty().get()).isNull();
        assertThat(session.sample(System.nanoTime(), false)).isNull();
    }
}
