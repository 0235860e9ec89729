package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster that cannot start, and a job Flink cannot start, are refusals with Flink's reason; nothing keeps running. */
class ClusterRefusalTest {

    @Test
    void aClusterThatCannotStartIsRefusedWithTheReason() {
        assertThatThrownBy(() -> EmbeddedFlinkCluster.start(Map.of("rest.port", "not-a-port"), 1))
                .isInstanceOf(FlinkRefusal.class)
                .hasMessageStartingWith("the embedded Flink cluster did not start: ");
    }

    @Test
    void aJobFlinkCannotInitializeIsRefusedOnSubmit(@TempDir Path savepoint) throws Exception {
        Files.writeString(savepoint.resolve("_metadata"), "not a savepoint");
        JobConfig config = JobConfig.of(RecoveryOnFlinkTest.keyedCount(0))
                .withRestore(new SavepointRestore(savepoint, false));

        EmbeddedFlinkCluster cluster = FlinkClusterExtension.cluster();
        assertThatThrownBy(() -> FlinkRun.submit(cluster, config))
                .isInstanceOf(FlinkRefusal.class)
                .hasMessageStartingWith("Flink could not start the job: ")
                .hasMessageContaining("savepoint");
        assertThat(cluster.isRunning()).isTrue();
    }
}
