package org.checkpointlab.views.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.RescalePlan;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Output verdict over a rescale in the middle of a bounded run, on the local engine through the session, as the
 * Job menu does it: the first deployment is stopped with a savepoint, the second restored from it at parallelism 3,
 * and the verdict judges what both committed together against one failure-free run.
 */
class ChainedDeliveryTest {
    private static final long RECORDS = 24_000;

    @TempDir
    Path dir;
    private JobSession session;

    @AfterEach
    void stop() {
        if (session != null && session.job() != null) {
            session.job().close();
        }
    }

    private static JobConfig keyedCount(String sinkKind) {
        PipelineSpec p = TestPipelines.keyedCount("chained", new OperatorSpec("source", null, "sequence-source", 2,
                        null, Map.of("count", RECORDS, "keys", 50L, "ratePerSecond", 6_000L)),
                TestPipelines.operator("count", "keyed-count", 2), Partitioning.FORWARD,
                TestPipelines.operator("sink", sinkKind, 2));
        return JobConfig.of(p)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(50)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ZERO))
                // fires in each deployment: count #1 fails at its 3,000th record
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 1, 3_000)));
    }

    /** Runs {@code config}, rescales count and sink to 3 once the first failure recovered, waits for the end. */
    private OutputViewModel runWithARescaleInTheMiddle(JobConfig config) throws Exception {
        session = new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir);
        OutputViewModel output = new OutputViewModel(session.snapshotProperty(), session.jobProperty(),
                TaskRunner.sameThread());
        JobClient first = session.start(config);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (first.summary().restarts() == 0 || first.sinkOutputs(0).get(0).committed() == 0) {
            assertThat(System.nanoTime()).as("the first deployment restarted and committed").isLessThan(deadline);
            assertThat(first.status().isTerminal()).as("the first deployment ended before the rescale").isFalse();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // polls a condition, orders nothing
        }
        assertThat(first.awaitRunning(Duration.ofSeconds(30))).as("recovered: every task runs again").isTrue();
        List<List<String>> problems = new ArrayList<>();
        session.rescale(RescalePlan.of(first.pipeline(), Map.of("count", 3, "sink", 3)), started -> { },
                problems::add);
        assertThat(problems).isEmpty();
        JobClient second = session.job();
        assertThat(second).isNotSameAs(first);
        assertThat(second.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(second.awaitTermination(Duration.ofSeconds(60))).isTrue();
        assertThat(second.status()).isEqualTo(JobStatus.FINISHED);
        session.refresh(); // publishes the finished snapshot: the view model runs its check (same thread here)
        return output;
    }

    @Test
    void exactlyOnce_holdsOverBothDeployments_whenTheRunIsRescaledInTheMiddle() throws Exception {
        OutputViewModel output = runWithARescaleInTheMiddle(keyedCount("transactional-sink"));

        assertThat(output.deliveryKindProperty().get()).isEqualTo(VerdictKind.HELD);
        assertThat(output.deliveryProperty().get())
                .isEqualTo("sink: exactly-once held (the 2 deployments of this run together)");
        assertThat(output.sinks()).singleElement().satisfies(row -> {
            assertThat(row.verdictKind()).isEqualTo(VerdictKind.HELD);
            assertThat(row.committed()).as("the second deployment committed only the rest")
                    .isGreaterThan(0).isLessThan(RECORDS);
        });
    }

    @Test
    void atLeastOnceDelivery_showsTheReplayedRecordsAsDuplicates_overBothDeployments() throws Exception {
        OutputViewModel output = runWithARescaleInTheMiddle(keyedCount("collect-sink"));

        assertThat(output.deliveryKindProperty().get()).isEqualTo(VerdictKind.VIOLATED);
        assertThat(output.deliveryProperty().get())
                .matches("sink: at-least-once: [\\d,]+ duplicates?, nothing lost \\(the 2 deployments of this run "
                        + "together\\)");
    }

    @Test
    void anUnboundedRun_saysAtOnceThatItGetsNoVerdict_andHow() {
        JobConfig unbounded = keyedCount("transactional-sink");
        PipelineSpec p = unbounded.pipeline();
        var fake = org.checkpointlab.views.session.FakeJobClient.of(p.withOperators(p.operators().stream()
                .map(o -> o.id().equals("source") ? o.withParams(Map.of("count", 0L, "keys", 50L)) : o).toList()));
        fake.sinkOutputs.add(new org.checkpointlab.model.observe.SinkOutputSnapshot("sink", "transactional-sink", 3,
                "0000000000000003", List.of(), List.of()));
        var job = new javafx.beans.property.SimpleObjectProperty<JobClient>(fake);
        var snapshots = new javafx.beans.property.SimpleObjectProperty<>(fake.snapshot());
        OutputViewModel output = new OutputViewModel(snapshots, job, TaskRunner.sameThread());

        assertThat(output.sinks()).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo("no verdict: source 'source' is unbounded (give the source a count "
                    + "for a bounded run)");
            assertThat(row.verdictKind()).isEqualTo(VerdictKind.NOT_COMPUTABLE);
        });
    }

    @Test
    void aJobStartedFresh_startsANewChain() throws Exception {
        DeploymentChain chain = new DeploymentChain();
        var fake1 = org.checkpointlab.views.session.FakeJobClient.of(keyedCount("collect-sink").pipeline());
        var fake2 = org.checkpointlab.views.session.FakeJobClient.of(keyedCount("collect-sink").pipeline());
        chain.follow(fake1);
        chain.follow(fake2);
        assertThat(chain.earlier()).isEmpty();
        assertThat(chain.size()).isEqualTo(1);
        chain.follow(null);
        assertThat(chain.size()).isZero();
    }
}
