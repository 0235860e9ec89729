package org.checkpointlab.flink.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.checkpointlab.flink.rest.FlinkRestException;
import org.junit.jupiter.api.Test;

/**
 * What the app says when a jar run fails (Flink's deepest cause, not its first line), and why a cluster does not
 * run the job jar.
 */
class WebSubmissionErrorsTest {

    @Test
    void aFailedJarRunIsReportedByItsDeepestCause() {
        // As Flink 2.3.0 answered POST /jars/:jarid/run with a savepoint path that does not exist (abridged).
        String body = "{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute "
                + "application.\\n\\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest"
                + "$1(JarRunHandler.java:114)\\nCaused by: org.apache.flink.client.program.ProgramInvocationException: "
                + "The main method caused an error: Failed to execute job 'Word count'.\\n\\tat x.y(Z.java:1)\\n"
                + "Caused by: java.io.FileNotFoundException: Cannot find checkpoint or savepoint file/directory "
                + "'/tmp/no-such-savepoint' on file system 'file'.\\n\\tat x.y(Z.java:2)\\n\"]}";
        FlinkRestException e = new FlinkRestException("POST http://127.0.0.1:8081/v1/jars/j.jar/run answered HTTP "
                + "500: org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.",
                500, null, body);

        assertThat(WebSubmissionLauncher.reason(e)).isEqualTo("java.io.FileNotFoundException: Cannot find "
                + "checkpoint or savepoint file/directory '/tmp/no-such-savepoint' on file system 'file'.");
    }

    @Test
    void withoutFlinksTraceTheMessageIsTheReason() {
        FlinkRestException e = new FlinkRestException("no answer from http://127.0.0.1:8081/v1/jars/upload");
        assertThat(WebSubmissionLauncher.reason(e)).isEqualTo(e.getMessage());
    }

    @Test
    void aClusterWithWebSubmissionOffOrOnFlink1IsNamedWithTheReason() throws Exception {
        org.checkpointlab.flink.rest.FlinkRestApi api = new org.checkpointlab.flink.rest.FlinkRestApi(
                java.net.URI.create("http://127.0.0.1:1"), java.time.Duration.ofSeconds(1));
        com.google.gson.JsonObject off = com.google.gson.JsonParser.parseString(
                "{\"flink-version\":\"2.3.0\",\"features\":{\"web-submit\":false}}").getAsJsonObject();
        com.google.gson.JsonObject old = com.google.gson.JsonParser.parseString(
                "{\"flink-version\":\"1.20.5\",\"features\":{\"web-submit\":true}}").getAsJsonObject();

        assertThat(WebSubmission.refusal(api, off)).contains("the Flink cluster at http://127.0.0.1:1 has no web "
                + "submission (web.submit.enable is false, or flink-runtime-web is not on its class path)");
        assertThat(WebSubmission.refusal(api, old)).contains("the Flink cluster at http://127.0.0.1:1 runs Flink "
                + "1.20.5; the job jar is built for Flink 2.x");
        assertThat(WebSubmission.available(api, old)).isFalse();
    }
}
