package org.checkpointlab.views.session;

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
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job > Stop with savepoint (and drain) on the local engine, through the session, as the menu does it. */
class StopWithSavepointSessionTest {
    @TempDir
    Path dir;

    private static PipelineSpec pipeline(long count, long rate) {
        return new PipelineSpec(1, "stop", List.of(
                new OperatorSpec("source", "source", "sequence-source", 2, null,
                        Map.of("count", count, "keys", 50L, "ratePerSecond", rate)),
                new OperatorSpec("count", "count", "keyed-count", 2, null, Map.of()),
                new OperatorSpec("sink", "sink", "transactional-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("source", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.FORWARD)), Map.of(), true);
    }

    private JobSession session() {
        return new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir, System::currentTimeMillis,
                Runnable::run);
    }

    @Test
    void stopWithDrain_writesTheSavepoint_andAJobResumedFromItReadsNothingMore() throws Exception {
        JobSession session = session();
        JobClient job = session.start(JobConfig.of(pipeline(0, 5_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(100))));
        assertThat(job.awaitRunning(Duration.ofSeconds(20))).isTrue();
        List<SavepointResult> done = new ArrayList<>();
        List<List<String>> problems = new ArrayList<>();

        session.stopWithSavepoint(true, done::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(done).singleElement().satisfies(sp -> assertThat(sp.path()).exists());
        assertThat(job.awaitTermination(Duration.ofSeconds(20))).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(session.activity()).anySatisfy(line -> assertThat(line).contains("(drained)"));

        try (JobClient resumed = JobLauncher.local().start(JobConfig.of(pipeline(0, 5_000))
                .withRestore(new org.checkpointlab.model.job.SavepointRestore(done.get(0).path(), false)))) {
            assertThat(resumed.awaitTermination(Duration.ofSeconds(20))).as("a drained source stays finished")
                    .isTrue();
            assertThat(resumed.summary().sourceRecords()).isZero();
        }
    }

    @Test
    void stoppingAJobThatFinished_saysNoSavepointWasTaken() throws Exception {
        JobSession session = session();
        JobClient job = session.start(JobConfig.of(pipeline(1_000, 0)));
        assertThat(job.awaitTermination(Duration.ofSeconds(20))).isTrue();
        List<SavepointResult> done = new ArrayList<>();
        List<List<String>> problems = new ArrayList<>();

        session.stopWithSavepoint(false, done::add, problems::add);

        assertThat(done).isEmpty();
        assertThat(problems).singleElement().asList().singleElement().asString()
                .contains("no savepoint");
    }
}
