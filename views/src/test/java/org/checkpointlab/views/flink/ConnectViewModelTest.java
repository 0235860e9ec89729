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
}
