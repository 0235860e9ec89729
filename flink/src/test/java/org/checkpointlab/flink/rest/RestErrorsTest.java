package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Attaching to an address that does not answer, to a server that is not Flink, and to a job that is not there. */
class RestErrorsTest {
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anAddressThatDoesNotAnswerIsNamed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> RestJobClient.attach(url, null, Duration.ofSeconds(1)))
                .isInstanceOf(FlinkRestException.class)
                .hasMessageStartingWith("no answer from http://127.0.0.1:" + port + "/v1/config");
    }

    @Test
    void aServerAnsweringOtherJsonIsNotFlink() throws Exception {
        URI url = serve(Map.of("/v1/config", "{\"name\":\"some other service\",\"version\":\"1.0\"}"));
        assertThatThrownBy(() -> RestJobClient.attach(url, null, Duration.ofSeconds(1)))
                .isInstanceOf(FlinkRestException.class)
                .hasMessage(url + " answers, but not as Flink's REST API (its /v1/config has no flink-version)");
    }

    @Test
    void aServerWithoutFlinksEndpointsIsNotFlink() throws Exception {
        URI url = serve(Map.of("/", "<html>hello</html>"));
        assertThatThrownBy(() -> RestJobClient.attach(URI.create(url + "/"), null, Duration.ofSeconds(1)))
                .isInstanceOf(FlinkRestException.class)
                .hasMessageStartingWith(url + " answers, but not as Flink's REST API");
    }

    @Test
    void anUnknownJobIsNamedWithTheJobsThere() throws Exception {
        URI url = serve(Map.of("/v1/config", "{\"flink-version\":\"1.20.5\"}",
                "/v1/jobs/overview", "{\"jobs\":[{\"jid\":\"aaaa\",\"name\":\"other\",\"state\":\"RUNNING\"}]}"));
        assertThatThrownBy(() -> RestJobClient.attach(url, "bbbb", Duration.ofSeconds(1)))
                .isInstanceOf(FlinkRestException.class)
                .hasMessage("no job bbbb on the Flink cluster at " + url + " (jobs there: aaaa (other, RUNNING))");
    }

    @Test
    void withoutAJobIdTheClusterMustRunExactlyOneJob() throws Exception {
        URI url = serve(Map.of("/v1/config", "{\"flink-version\":\"2.3.0\"}",
                "/v1/jobs/overview", "{\"jobs\":[{\"jid\":\"aaaa\",\"name\":\"done\",\"state\":\"FINISHED\"}]}"));
        assertThatThrownBy(() -> RestJobClient.attach(url, null, Duration.ofSeconds(1)))
                .isInstanceOf(FlinkRestException.class)
                .hasMessage("no running job on the Flink cluster at " + url + " (jobs there: aaaa (done, FINISHED))");
    }

    /** A server on 127.0.0.1 answering {@code answers} (path: JSON body) with 200, anything else with 404. */
    private URI serve(Map<String, String> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = answers.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not here\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
