package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.junit.jupiter.api.Test;

/**
 * Rescale and redeploy through a savepoint, on a fake engine: the job is stopped with a savepoint and started from
 * it with the new setting; when the engine refuses that, the old setting is started from the same savepoint.
 */
class RedeploymentTest {
    private final FakeJobClient.Launcher fakes = FakeJobClient.Launcher.everyCapability();
    /** Refuses parallelism 5 for count, as an engine refuses what a savepoint cannot be restored into. */
    private final JobSession session = new JobSession(config -> {
        if (config.parallelism() != null && Integer.valueOf(5).equals(config.parallelism().get("count"))) {
            throw new PipelineException(List.of("count cannot run at parallelism 5 here"));
        }
        return fakes.start(config);
    }, TaskRunner.sameThread(), Path.of("target", "redeploy-sp"), () -> 1_000L, Runnable::run);
    private final List<JobClient> started = new ArrayList<>();
    private final List<List<String>> problems = new ArrayList<>();

    @Test
    void rescale_stopsWithASavepoint_andStartsFromItAtTheNewParallelism() throws Exception {
        FakeJobClient before = (FakeJobClient) session.start(JobConfig.of(JobSessionFeedTest.pipeline()));

        session.rescale(RescalePlan.of(before.pipeline(), Map.of("count", 3)), started::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(before.commands).anySatisfy(c -> assertThat(c).startsWith("stop with savepoint savepoint-"));
        assertThat(before.status).isEqualTo(JobStatus.FINISHED);
        JobClient after = session.job();
        assertThat(started).containsExactly(after);
        assertThat(after.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(after.config().restore().path().getFileName().toString()).startsWith("savepoint-");
        assertThat(session.events()).last().extracting(JobEvent::description).isEqualTo("rescaled count 2 \u2192 3");
        assertThat(session.busyProperty().get()).isFalse();
    }

    @Test
    void aRescaleTheEngineRefuses_startsTheOldParallelismFromTheSameSavepoint_andSaysWhy() throws Exception {
        FakeJobClient before = (FakeJobClient) session.start(JobConfig.of(JobSessionFeedTest.pipeline()));

        session.rescale(RescalePlan.of(before.pipeline(), Map.of("count", 5)), started::add, problems::add);

        assertThat(started).isEmpty();
        assertThat(problems).singleElement().asList().containsExactly(
                "Not rescaled; restarted from the savepoint with the old parallelism:",
                "count cannot run at parallelism 5 here");
        JobClient after = session.job();
        assertThat(after).isNotSameAs(before);
        assertThat(after.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(2);
        assertThat(after.config().restore()).as("restored, not started empty").isNotNull();
        assertThat(session.events()).last().extracting(JobEvent::description)
                .isEqualTo("restored with the old parallelism");
        assertThat(session.activity()).anySatisfy(line -> assertThat(line).contains(
                "Step 2 refused, restored with the old parallelism: count cannot run at parallelism 5 here"));
    }

    @Test
    void redeploy_startsTheNewBackendAndRestartStrategyFromTheSavepoint() throws Exception {
        FakeJobClient before = (FakeJobClient) session.start(JobConfig.of(JobSessionFeedTest.pipeline()));

        session.redeploy(StateBackendKind.ROCKSDB, true, new RestartStrategy.None(), started::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(before.status).isEqualTo(JobStatus.FINISHED);
        JobConfig config = session.job().config();
        assertThat(config.backend()).isEqualTo(StateBackendKind.ROCKSDB);
        assertThat(config.incremental()).isTrue();
        assertThat(config.restartStrategy()).isEqualTo(new RestartStrategy.None());
        assertThat(config.restore()).isNotNull();
    }

    @Test
    void withoutARunningJob_nothingIsStopped() {
        session.rescale(RescalePlan.of(JobSessionFeedTest.pipeline(), Map.of("count", 3)), started::add,
                problems::add);
        assertThat(problems).singleElement().asList().containsExactly("no running job: start the pipeline first");
        assertThat(fakes.started).isEmpty();
    }
}
