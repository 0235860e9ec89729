package org.checkpointlab.model.client;

import java.util.Optional;

/**
 * Connects a front end to a cluster that runs jobs elsewhere (a Flink cluster's REST API, for one), so that it can
 * list the cluster's jobs and watch one through a {@link JobClient}. Front ends are given a connector; which engine
 * it speaks to is the composition root's choice (as with {@link JobLauncher}).
 */
@FunctionalInterface
public interface ClusterConnector {

    /**
     * Checks that {@code address} (as a user typed it, e.g. {@code http://localhost:8081}) answers as the cluster
     * this connector speaks to. <b>Blocks</b> on the network: call it off the UI thread.
     *
     * @throws ClusterException naming the address and the cause when nothing answers there, or the answer is not
     *                          the expected cluster's
     */
    ClusterConnection connect(String address) throws ClusterException, InterruptedException;

    /**
     * The address of a cluster this process runs, to offer before the user types one (the app's embedded Flink
     * cluster once it started; its port changes with every start), or empty.
     */
    default Optional<String> localClusterAddress() {
        return Optional.empty();
    }
}
