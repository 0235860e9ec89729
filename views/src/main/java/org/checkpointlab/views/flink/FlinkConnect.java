package org.checkpointlab.views.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterConnector;
import org.checkpointlab.views.session.TaskRunner;

/**
 * File &gt; Connect to Flink in the main window: holds the {@link ClusterConnector} the composition root gives
 * ({@link #use}); until then the menu item is disabled. {@link #show} opens the connect window (one at a time);
 * each job opened there gets a {@link FlinkJobWindow} of its own. FX thread only.
 */
public final class FlinkConnect {
    private MenuItem item;
    private ClusterConnector connector;
    private RememberedUrls urls;
    private TaskRunner runner;
    private Path savepointDirectory;
    private ConnectViewModel viewModel;
    private Stage connectStage;
    private final List<FlinkJobWindow> jobWindows = new ArrayList<>();

    /** Names the menu item from the Flink bundle and enables it once a connector is given. */
    public void install(MenuItem menuItem) {
        this.item = Objects.requireNonNull(menuItem, "menuItem");
        item.setText(FlinkTexts.get("menu.connect"));
        item.setDisable(connector == null);
    }

    /**
     * @param clusterConnector   reaches clusters (Flink's REST API in the app)
     * @param rememberedUrls     the URLs connected to before
     * @param taskRunner         where network work runs
     * @param savepointDirectory where savepoints of watched jobs go (a path on the cluster's file system)
     */
    public void use(ClusterConnector clusterConnector, RememberedUrls rememberedUrls, TaskRunner taskRunner,
                    Path savepointDirectory) {
        this.connector = Objects.requireNonNull(clusterConnector, "clusterConnector");
        this.urls = Objects.requireNonNull(rememberedUrls, "rememberedUrls");
        this.runner = Objects.requireNonNull(taskRunner, "taskRunner");
        this.savepointDirectory = Objects.requireNonNull(savepointDirectory, "savepointDirectory");
        this.viewModel = null;
        if (item != null) {
            item.setDisable(false);
        }
    }

    /** The connect window's view model, or {@code null} before a connector is given. */
    public ConnectViewModel viewModel() {
        if (viewModel == null && connector != null) {
            viewModel = new ConnectViewModel(connector, runner, urls);
        }
        return viewModel;
    }

    /** Opens the connect window (or brings it to the front); {@code null} without a connector. */
    public Stage show(Window owner) {
        ConnectViewModel vm = viewModel();
        if (vm == null) {
            return null;
        }
        if (vm.connectionProperty().get() != null) {
            vm.refresh(); // the jobs as they are now, not as they were when the window was last open
        }
        if (connectStage != null && connectStage.isShowing()) {
            connectStage.toFront();
            return connectStage;
        }
        vm.offerLocalCluster();
        connectStage = ConnectView.show(owner, vm, client -> {
            ClusterConnection cluster = vm.connectionProperty().get();
            FlinkJobWindow window = FlinkJobWindow.show(null, client, cluster, savepointDirectory);
            jobWindows.add(window);
            window.stage().setOnHiding(e -> jobWindows.remove(window));
        });
        return connectStage;
    }

    /** The job windows open now. */
    public List<FlinkJobWindow> jobWindows() {
        return List.copyOf(jobWindows);
    }
}
