package org.checkpointlab.views.flink;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterConnector;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.session.TaskRunner;

/**
 * State and commands of File &gt; Connect to Flink, without any control: the URL (the last one connected to at
 * first), connecting to it, the cluster's job list and opening a job. Network work runs on the {@link TaskRunner};
 * answers arrive on the FX thread, and an answer to a request the user has since replaced (another Connect) is
 * dropped. A failure is a message naming the URL and the cause; it changes nothing else in the app.
 *
 * <p>FX thread only.
 */
public final class ConnectViewModel {
    private final ClusterConnector connector;
    private final TaskRunner runner;
    private final RememberedUrls remembered;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<ClusterConnection> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ObservableList<ClusterJob> jobs = FXCollections.observableArrayList();
    /** Counts requests: an answer to an older one than the latest is dropped. */
    private long request;

    public ConnectViewModel(ClusterConnector connector, TaskRunner runner, RememberedUrls remembered) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.remembered = Objects.requireNonNull(remembered, "remembered");
        url.set(remembered.last().isEmpty() ? "http://localhost:8081" : remembered.last());
        message.set(FlinkTexts.get("connect.hint"));
    }

    /**
     * Offers the cluster this process runs (the app's embedded Flink), when there is one and nothing is connected:
     * its address in the URL field and a line saying what it is.
     */
    public void offerLocalCluster() {
        if (connection.get() != null || busy.get()) {
            return;
        }
        connector.localClusterAddress().ifPresent(address -> {
            url.set(address);
            failed.set(false);
            message.set(FlinkTexts.format("connect.embedded", address));
        });
    }

    /** The REST URL typed by the user. */
    public StringProperty urlProperty() {
        return url;
    }

    /** URLs connected to before, most recent first. */
    public ObservableList<String> rememberedUrls() {
        return remembered.urls();
    }

    /** What happened last: connecting, connected (with the cluster's version and its jobs), or why not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True while a request is on the network. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The cluster connected to, or {@code null}. */
    public ReadOnlyObjectProperty<ClusterConnection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** The jobs of the cluster connected to, newest first. */
    public ObservableList<ClusterJob> jobs() {
        return jobs;
    }

    /**
     * Connects to {@link #urlProperty()} and lists its jobs; remembers the URL once it answered as Flink (unless it
     * is the app's embedded cluster's).
     */
    public void connect() {
        String address = url.get() == null ? "" : url.get().trim();
        long mine = ++request;
        busy.set(true);
        report(FlinkTexts.format("connect.connecting", address), false);
        runner.run(() -> {
            ClusterConnection c = connector.connect(address);
            return new Connected(c, c.jobs());
        }, done -> {
            if (mine != request) {
                return;
            }
            busy.set(false);
            // Not the app's own embedded cluster: its port is new at every start.
            if (!connector.localClusterAddress().map(address::equals).orElse(false)) {
                remembered.remember(address);
            }
            connection.set(done.connection());
            jobs.setAll(done.jobs());
            report(FlinkTexts.format("connect.connected", done.connection().address(), done.connection().engine(),
                    done.jobs().size()), false);
        }, error -> {
            if (mine != request) {
                return;
            }
            busy.set(false);
            connection.set(null);
            jobs.clear();
            report(FlinkTexts.format("connect.failed", reason(error)), true);
        });
    }

    /** Reads the job list of the connected cluster again. */
    public void refresh() {
        ClusterConnection c = connection.get();
        if (c == null) {
            connect();
            return;
        }
        long mine = ++request;
        busy.set(true);
        runner.run(c::jobs, list -> {
            if (mine != request) {
                return;
            }
            busy.set(false);
            jobs.setAll(list);
            report(FlinkTexts.format("connect.connected", c.address(), c.engine(), list.size()), false);
        }, error -> {
            if (mine != request) {
                return;
            }
            busy.set(false);
            report(FlinkTexts.format("connect.refreshFailed", reason(error)), true);
        });
    }

    /**
     * Opens {@code job} of the connected cluster: {@code onOpened} gets its client, which has read the job once.
     * If it cannot be opened, {@link #messageProperty()} says why.
     */
    public void open(ClusterJob job, Consumer<JobClient> onOpened) {
        ClusterConnection c = connection.get();
        if (c == null || job == null) {
            report(FlinkTexts.get("connect.pickJob"), true);
            return;
        }
        long mine = ++request;
        busy.set(true);
        report(FlinkTexts.format("connect.opening", job.name(), job.id()), false);
        runner.run(() -> c.open(job.id()), client -> {
            busy.set(false);
            if (mine != request) {
                client.close(); // the user asked for something else meanwhile; watching stops, the job runs on
                return;
            }
            report(FlinkTexts.format("connect.opened", job.name()), false);
            onOpened.accept(client);
        }, error -> {
            if (mine != request) {
                return;
            }
            busy.set(false);
            report(FlinkTexts.format("connect.openFailed", reason(error)), true);
        });
    }

    private void report(String text, boolean failure) {
        message.set(text);
        failed.set(failure);
    }

    private static String reason(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    private record Connected(ClusterConnection connection, List<ClusterJob> jobs) {
    }
}
