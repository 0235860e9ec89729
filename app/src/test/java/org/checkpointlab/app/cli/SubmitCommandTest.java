package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit URL PIPELINE.json}: refused, with exit 2 and the reason, where it cannot run (no answer, a cluster
 * that takes no jars, a pipeline that does not validate). The run itself, through a cluster's /jars, is
 * {@code JobJarOnFlinkTest}'s in the flink module, where flink-runtime-web is on the test class path.
 */
class SubmitCommandTest {
    private static final Path WORD_COUNT = Path.of("..", "samples", "word-count.json");

    @TempDir
    Path dir;

    @Test
    void anAddressThatDoesNotAnswerIsNamed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        Cli.Result r = Cli.run("submit", "http://127.0.0.1:" + port, WORD_COUNT.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no answer from http://127.0.0.1:" + port);
    }

    @Test
    void aClusterWithoutWebSubmissionIsRefusedBeforeAnythingRuns() throws Exception {
        // The app's test class path has no flink-runtime-web: the embedded cluster serves no /jars.
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.shared(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
        String url = cluster.restAddress().toString();

        Cli.Result r = Cli.run("submit", url, WORD_COUNT.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("the Flink cluster at " + url + " has no web submission");
    }

    @Test
    void aPipelineThatDoesNotValidateIsNamed() throws Exception {
        Path bad = Cli.write(dir, "bad.json", "{\"format\": 1, \"name\": \"bad\", \"operators\": [], \"edges\": []}");

        Cli.Result r = Cli.run("submit", "http://127.0.0.1:1", bad.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("checkpoint-lab submit: ");
    }
}
