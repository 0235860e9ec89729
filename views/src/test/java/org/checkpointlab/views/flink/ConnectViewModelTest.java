package org.checkpointlab.views.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.checkpointlab.model.client.ClusterConnector;
import org.checkpointlab.model.client.ClusterException;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect window offers the cluster this process runs (the app's embedded Flink) when there is one. */
class ConnectViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theEmbeddedClustersAddressIsOfferedWhenItRuns() {
        ClusterConnector embedded = new ClusterConnector() {
            @Override
            public org.checkpointlab.model.client.ClusterConnection connect(String address) throws ClusterException {
                throw new ClusterException("not in this test");
            }

            @Override
            public Optional<String> localClusterAddress() {
                return Optional.of("http://127.0.0.1:40123");
            }
        };
        ConnectViewModel vm = new ConnectViewModel(embedded, TaskRunner.sameThread(),
                RememberedUrls.load(dir.resolve("urls.json")));
        assertThat(vm.urlProperty().get()).isEqualTo("http://localhost:8081");
        vm.offerLocalCluster();
        assertThat(vm.urlProperty().get()).isEqualTo("http://127.0.0.1:40123");
        assertThat(vm.messageProperty().get()).startsWith("The app's embedded Flink cluster runs at "
                + "http://127.0.0.1:40123");
    }

    @Test
    void withoutALocalClusterTheUrlStaysAsRemembered() {
        ConnectViewModel vm = new ConnectViewModel(address -> {
            throw new ClusterException("not in this test");
        }, TaskRunner.sameThread(), RememberedUrls.load(dir.resolve("urls.json")));
        vm.offerLocalCluster();
        assertThat(vm.urlProperty().get()).isEqualTo("http://localhost:8081");
        assertThat(vm.messageProperty().get()).startsWith("Type the address");
    }

    @Test
    void theEmbeddedClustersAddress_isNotRemembered_forItsPortIsNewAtEveryStart() {
        String embedded = "http://127.0.0.1:40123";
        ClusterConnector connector = new ClusterConnector() {
            @Override
            public org.checkpointlab.model.client.ClusterConnection connect(String address) {
                return new org.checkpointlab.model.client.ClusterConnection() {
                    @Override public String address() { return address; }
                    @Override public String engine() { return "Flink 2.3"; }
                    @Override public java.util.List<org.checkpointlab.model.client.ClusterJob> jobs() {
                        return java.util.List.of();
                    }
                    @Override public org.checkpointlab.model.client.JobClient open(String jobId) {
                        throw new UnsupportedOperationException();
                    }
                };
            }

            @Override
            public Optional<String> localClusterAddress() {
                return Optional.of(embedded);
            }
        };
        RememberedUrls urls = RememberedUrls.load(dir.resolve("urls.json"));
        ConnectViewModel vm = new ConnectViewModel(connector, TaskRunner.sameThread(), urls);
        vm.offerLocalCluster();
        vm.connect();
        assertThat(vm.connectionProperty().get()).isNotNull();
        assertThat(urls.urls()).doesNotContain(embedded);

        vm.urlProperty().set("http://flink.example:8081");
        vm.connect();
        assertThat(urls.urls()).containsExactly("http://flink.example:8081");
    }
}
