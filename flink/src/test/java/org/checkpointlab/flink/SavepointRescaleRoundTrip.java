package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * The round trip the Flink savepoint tests share, on the keyed count of {@link RecoveryOnFlinkTest#keyedCount}:
 * run until the sources emitted some records, stop with a savepoint, restore it with every operator at parallelism
 * 3, and check that what the two runs committed together is exactly the failure-free output.
 */
final class SavepointRescaleRoundTrip {

    private SavepointRescaleRoundTrip() {
    }

    static void assertExactlyOnceAcrossRescale(JobConfig first, Path savepoints, long sourceRecordsBefore)
            throws Exception {
        List<StreamRecord> before;
        String savepoint;
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), first)) {
            awaitSourceRecords(run, sourceRecordsBefore);
            savepoint = run.stopWithSavepoint(savepoints, false, Duration.ofSeconds(60));
            assertThat(run.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(run.status()).isEqualTo(JobStatus.FINISHED);
            before = run.sinkOutputs().get("output").records();
        }
        assertThat(before).isNotEmpty().hasSizeLessThan(12_000);

        JobConfig second = first.withRestore(new SavepointRestore(Path.of(URI.create(savepoint)), false))
                .withParallelism(Map.of("numbers", 3, "count", 3, "output", 3));
        List<StreamRecord> after;
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), second)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(run.summary().status()).isEqualTo(JobStatus.FINISHED);
            after = run.sinkOutputs().get("output").records();
        }

        SinkStore both = new SinkStore(null);
        SinkOutput combined = both.output("output", null);
        combined.commit("before", before);
        combined.commit("after", after);
        assertThat(DeliveryCheck.check(first, both.outputs())).singleElement()
                .satisfies(d -> assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
    }

    /** Waits until the sources emitted {@code n} records or the job ended, at most 60 s. */
    private static void awaitSourceRecords(FlinkRun run, long n) {
        Await.until(() -> run.sourceRecords() >= n || run.isDone(), Duration.ofSeconds(60),
                n + " source records or the job's end");
    }
}
