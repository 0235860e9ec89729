package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;

/**
 * {@link RestJobClient} on a server answering recorded Flink 2.3 answers: the whole poll maps into a snapshot,
 * the checkpoint history is kept after Flink drops it, a job that vanishes and a savepoint that fails on the
 * cluster are reported by name.
 */
class RestJobClientRecordedTest {
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aPollMapsTheJobAndKeepsCheckpointsFlinkNoLongerLists() throws Exception {
        try (RecordedFlink flink = new RecordedFlink();
             RestJobClient client = RestJobClient.attach(flink.address(), null, POLL)) {
            assertThat(client.jobId()).isEqualTo(RecordedFlink.JOB);
            assertThat(client.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(client.snapshot().subtasks()).hasSize(6);
            assertThat(client.snapshot().channels()).isEmpty();
            assertThat(client.snapshot().checkpoints()).hasSize(14);
            assertThat(client.snapshot().checkpoints().get(13).subtasks()).hasSize(6);
            assertThat(client.summary().sourceRecords()).isEqualTo(27110);
            assertThat(client.staleness()).as("Flink's refresh-interval and the poll interval")
                    .isEqualTo(Duration.ofMillis(3_000).plus(POLL));

            // Flink's history moves on and drops checkpoints 1..14: the client keeps them.
            flink.answers.put("GET /v1/jobs/" + RecordedFlink.JOB + "/checkpoints", "{\"counts\":{\"completed\":15},"
                    + "\"history\":[{\"id\":15,\"status\":\"IN_PROGRESS\",\"trigger_timestamp\":1}]}");
            assertThat(client.awaitObservation(o -> o.snapshot().checkpoints().size() == 15, WAIT)).isTrue();
            assertThat(client.snapshot().checkpoints().get(0).id()).isEqualTo(1);
            assertThat(client.summary().completedCheckpoints()).isEqualTo(15);
        }
    }

    @Test
    void attachReadsAgainWhileFlinkAnswersHttp500_andGivesUpNamingTheCause() throws Exception {
        String config = "GET /v1/jobs/" + RecordedFlink.JOB + "/checkpoints/config";
        try (RecordedFlink flink = new RecordedFlink()) {
            flink.serverErrors.put(config, 2);
            try (RestJobClient client = RestJobClient.attach(flink.address(), RecordedFlink.JOB, POLL)) {
                assertThat(client.status()).isEqualTo(JobStatus.RUNNING);
                assertThat(flink.serverErrors).as("both errors answered, then the configuration").isEmpty();
            }
            flink.serverErrors.put(config, 100);
            assertThatThrownBy(() -> RestJobClient.attach(flink.address(), RecordedFlink.JOB, POLL))
                    .isInstanceOf(FlinkRestException.class)
                    .satisfies(e -> assertThat(((FlinkRestException) e).httpStatus()).isEqualTo(500));
            assertThat(flink.serverErrors.get(config)).as("five readings, then it gives up").isEqualTo(95);
        }
    }

    @Test
    void aJobThatVanishesWhileWatchedEndsTheWatchWithItsName() throws Exception {
        try (RecordedFlink flink = new RecordedFlink();
             RestJobClient client = RestJobClient.attach(flink.address(), RecordedFlink.JOB, POLL)) {
            flink.answers.remove("GET /v1/jobs/" + RecordedFlink.JOB);

            assertThat(client.awaitTermination(WAIT)).isTrue();
            assertThat(client.observation().vanished()).isTrue();
            assertThat(client.lastError()).isEqualTo("job " + RecordedFlink.JOB
                    + " is no longer on the Flink cluster at " + flink.address());
            assertThat(client.snapshot().checkpoints()).as("what was seen is kept").hasSize(14);
        }
    }

    @Test
    void aClusterThatStopsAnsweringIsReportedAndTheLastDataStay() throws Exception {
        RecordedFlink flink = new RecordedFlink();
        try (RestJobClient client = RestJobClient.attach(flink.address(), RecordedFlink.JOB, POLL)) {
            flink.close();
            assertThat(client.awaitObservation(o -> o.error() != null, WAIT)).isTrue();
            assertThat(client.lastError()).startsWith("no answer from " + flink.address());
            assertThat(client.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(client.snapshot().subtasks()).hasSize(6);
        }
    }

    @Test
    void aSavepointThatFailsOnTheClusterFailsWithFlinksCause() throws Exception {
        try (RecordedFlink flink = new RecordedFlink();
             RestJobClient client = RestJobClient.attach(flink.address(), RecordedFlink.JOB, POLL)) {
            String savepoints = "/v1/jobs/" + RecordedFlink.JOB + "/savepoints";
            flink.answers.put("POST " + savepoints, "{\"request-id\":\"t1\"}");
            flink.answers.put("GET " + savepoints + "/t1", "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":"
                    + "{\"failure-cause\":{\"class\":\"java.util.concurrent.CompletionException\",\"stack-trace\":"
                    + "\"java.util.concurrent.CompletionException: Savepoint directory not writable\\n\\tat x\"}}}");

            assertThatThrownBy(() -> client.triggerSavepoint(Path.of("/nowhere")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(FlinkRestException.class)
                    .hasMessage("savepoint of job " + RecordedFlink.JOB + " failed on the Flink cluster at "
                            + flink.address() + ": java.util.concurrent.CompletionException: Savepoint directory "
                            + "not writable");
            assertThat(client.savepoints()).isEmpty();
            assertThat(client.status()).isEqualTo(JobStatus.RUNNING);
        }
    }
}
