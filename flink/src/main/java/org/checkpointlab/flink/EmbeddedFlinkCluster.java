package org.checkpointlab.flink;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * An Apache Flink MiniCluster in this JVM: one task manager, its REST API on 127.0.0.1 at a random port. Started
 * once by {@link #shared} and reused by every run of the process; closed by {@link #close} or when the JVM exits.
 * Settings Flink reads only when a cluster starts (failover strategy, buffers per channel) are fixed then: a run
 * that needs others is refused by {@link #requireSettings}.
 *
 * <p>Thread-safe.
 */
public final class EmbeddedFlinkCluster implements AutoCloseable {
    /** Slots of the task manager: every subtask of one slot-sharing job fits when max parallelism ≤ this. */
    public static final int DEFAULT_SLOTS = 8;
    /** Checkpoints the REST API keeps in its history (Flink's default 10 is too few for a summary). */
    static final int CHECKPOINT_HISTORY = 200;

    private static EmbeddedFlinkCluster shared;

    private final MiniCluster cluster;
    private final URI restAddress;
    private final Map<String, String> settings;
    private final int slots;
    private final Thread closeOnExit;
    private boolean closed;

    private EmbeddedFlinkCluster(MiniCluster cluster, URI restAddress, Map<String, String> settings, int slots) {
        this.cluster = cluster;
        this.restAddress = restAddress;
        this.settings = Map.copyOf(settings);
        this.slots = slots;
        this.closeOnExit = new Thread(this::closeQuietly, "close-embedded-flink");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /**
     * The process's cluster, started now with {@code settings} (Flink keys) if none runs.
     *
     * @throws FlinkRefusal when the cluster cannot start (e.g. no port, not enough memory); nothing is left running
     */
    public static synchronized EmbeddedFlinkCluster shared(Map<String, String> settings, int slots)
            throws FlinkRefusal {
        if (shared == null || shared.closed) {
            shared = start(settings, slots);
        }
        return shared;
    }

    /** Starts a cluster of its own (not shared). */
    public static EmbeddedFlinkCluster start(Map<String, String> settings, int slots) throws FlinkRefusal {
        Map<String, String> keys = new HashMap<>();
        keys.put("rest.bind-address", "127.0.0.1");
        keys.put("rest.address", "127.0.0.1");
        keys.put("rest.port", "0");
        keys.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
        keys.put("metrics.fetcher.update-interval", "1000");
        keys.put("web.checkpoints.history", Integer.toString(CHECKPOINT_HISTORY));
        // Fresh answers: a run's summary reads the exception history and checkpoints right after the job ended.
        keys.put("rest.cache.execution-graph.timeout", "0 ms");
        keys.put("rest.cache.checkpoint-statistics.timeout", "0 ms");
        keys.putAll(settings);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(Configuration.fromMap(keys))
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        try {
            cluster.start();
            URI rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);
            return new EmbeddedFlinkCluster(cluster, rest, settings, slots);
        } catch (Exception e) {
            try {
                cluster.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw new FlinkRefusal("the embedded Flink cluster did not start: " + rootMessage(e), e);
        }
    }

    /** Refuses a run whose cluster settings or slot needs differ from this cluster's. */
    public void requireSettings(Map<String, String> wanted, int slotsNeeded) throws FlinkRefusal {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String have = settings.getOrDefault(e.getKey(), defaultOf(e.getKey()));
            if (!e.getValue().equals(have)) {
                throw new FlinkRefusal(java.util.List.of("the embedded Flink cluster runs with " + e.getKey() + "="
                        + have + " (set when it started); this run needs " + e.getValue()));
            }
        }
        if (slotsNeeded > slots) {
            throw new FlinkRefusal(java.util.List.of("the job needs " + slotsNeeded + " task slots (its highest "
                    + "parallelism); the embedded Flink cluster has " + slots));
        }
    }

    private static String defaultOf(String key) {
        return "jobmanager.execution.failover-strategy".equals(key) ? "region" : null;
    }

    public MiniCluster miniCluster() {
        return cluster;
    }

    /** The REST API's base address, e.g. {@code http://127.0.0.1:38211}. */
    public URI restAddress() {
        return restAddress;
    }

    public synchronized boolean isRunning() {
        return !closed && cluster.isRunning();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is what runs now.
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            cluster.closeAsync().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing on exit: nothing left to do.
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
