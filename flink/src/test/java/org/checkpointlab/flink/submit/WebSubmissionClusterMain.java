package org.checkpointlab.flink.submit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineLoader;

/**
 * A Flink cluster with web submission to try the app against: a MiniCluster with flink-runtime-web (this
 * module's test class path), its REST address printed, and each pipeline file given started on it as the job jar.
 * Runs until killed. From the repository root:
 * <pre>
 * mvn -o -q -pl flink -am -DskipTests test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/test-classpath.txt
 * java --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
 *   -cp "$(cat flink/target/test-classpath.txt):model/target/classes:model/target/test-classes:flink/target/classes:flink/target/test-classes" \
 *   org.checkpointlab.flink.submit.WebSubmissionClusterMain samples/word-count.json
 * </pre>
 * (the {@code --add-opens} as Flink's own scripts start a cluster on JDK 17).
 */
public final class WebSubmissionClusterMain {
    private WebSubmissionClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(
                Map.of("rest.cache.execution-graph.timeout", "100 ms"), EmbeddedFlinkCluster.DEFAULT_SLOTS);
        URI address = cluster.restAddress();
        System.out.println("Flink with web submission at " + address);
        for (String file : args) {
            JobConfig config = JobConfig.of(PipelineLoader.validating().load(Path.of(file)))
                    .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofSeconds(2)));
            var job = new WebSubmissionLauncher(address, null, Duration.ofSeconds(1)).start(config);
            System.out.println("started " + file + " as " + job);
            job.close(); // stops watching; the job runs on
        }
        Thread.currentThread().join();
    }
}
