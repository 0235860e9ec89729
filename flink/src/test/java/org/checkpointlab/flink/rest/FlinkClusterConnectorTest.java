package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.time.Duration;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterException;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.junit.jupiter.api.Test;

/** The cluster connector on the recorded Flink 2.3 answers and on addresses users type. */
class FlinkClusterConnectorTest {

    @Test
    void anAddressWithoutSchemeIsHttpAndOtherSchemesOrNoHostAreRefusedByName() throws ClusterException {
        assertThat(FlinkClusterConnector.url("localhost:8081").toString()).isEqualTo("http://localhost:8081");
        assertThat(FlinkClusterConnector.url(" https://flink.example:443/ ").getScheme()).isEqualTo("https");
        assertThatThrownBy(() -> FlinkClusterConnector.url("ftp://x")).isInstanceOf(ClusterException.class)
                .hasMessageContaining("'ftp://x' is not an http or https URL");
        assertThatThrownBy(() -> FlinkClusterConnector.url("")).hasMessageContaining("no address");
        assertThatThrownBy(() -> FlinkClusterConnector.url("http://exa mple")).hasMessageContaining("not a URL");
    }

    @Test
    void jobsAreListedNewestFirstWithStartTimeAndDuration() {
        var overview = JsonParser.parseString("{\"jobs\":[{\"jid\":\"a\",\"name\":\"old\",\"state\":\"FINISHED\","
                + "\"start-time\":1000,\"duration\":50},{\"jid\":\"b\",\"name\":\"new\",\"state\":\"RUNNING\","
                + "\"start-time\":2000,\"duration\":7000,\"new-field\":1}]}").getAsJsonObject();
        assertThat(FlinkClusterConnector.jobs(overview)).containsExactly(
                new ClusterJob("b", "new", "RUNNING", 2000, 7000), new ClusterJob("a", "old", "FINISHED", 1000, 50));
        assertThat(FlinkClusterConnector.jobs(overview).get(1).ended()).isTrue();
    }

    @Test
    void connectingListsTheRecordedJobAndOpensItThroughTheJobClientBoundary() throws Exception {
        try (RecordedFlink flink = new RecordedFlink()) {
            ClusterConnection cluster = new FlinkClusterConnector(Duration.ofMillis(100))
                    .connect(flink.address().toString());
            assertThat(cluster.engine()).isEqualTo("Flink 2.3.0");
            assertThat(cluster.observationDelay()).isGreaterThan(Duration.ofMillis(100));
            assertThat(cluster.jobs()).extracting(ClusterJob::id).containsExactly(RecordedFlink.JOB);
            try (JobClient job = cluster.open(RecordedFlink.JOB)) {
                assertThat(job.pipeline().operators()).hasSize(3);
                assertThat(job.capabilities()).doesNotContain(JobClient.Capability.CHANNEL_BUFFERS);
            }
            assertThatThrownBy(() -> cluster.open("00000000000000000000000000000000"))
                    .isInstanceOf(ClusterException.class).hasMessageContaining("no job 00000000000000000000000000000000")
                    .hasMessageContaining(flink.address().toString());
        }
    }
}
