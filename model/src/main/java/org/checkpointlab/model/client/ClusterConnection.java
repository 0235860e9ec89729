package org.checkpointlab.model.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A cluster reached by a {@link ClusterConnector}: its jobs, and a {@link JobClient} for any of them. Every method
 * but {@link #address()} and {@link #engine()} <b>blocks</b> on the network: call them off the UI thread.
 */
public interface ClusterConnection {

    /** The address as shown to users, e.g. {@code http://localhost:8081}. */
    String address();

    /** The engine and its version as the cluster reports it, e.g. "Flink 2.3.0". */
    String engine();

    /**
     * How old a watched job's data may be: the cluster's own caches plus the poll interval (Flink caches job answers
     * for its {@code web.refresh-interval}). Alerts allow for it before they call a checkpoint late.
     */
    default Duration observationDelay() {
        return Duration.ZERO;
    }

    /**
     * Whether the cluster takes programs submitted through its API (a Flink cluster with web submission, or the
     * app's own embedded cluster), so that a job's pipeline can be started there again.
     */
    default boolean acceptsJobSubmission() {
        return false;
    }

    /** The cluster's jobs, running and ended, as it lists them now. */
    List<ClusterJob> jobs() throws ClusterException, InterruptedException;

    /**
     * Watches job {@code jobId}: the client reads the job once before it returns and then keeps its snapshots up to
     * date in the background. Closing the client stops watching; the job goes on (use {@link JobClient#cancel()}
     * to end it).
     *
     * @throws ClusterException naming the job and the address when the cluster does not know it or stops answering
     */
    JobClient open(String jobId) throws ClusterException, InterruptedException;

    /**
     * Starts {@code job}'s pipeline again on this cluster (a restore from a savepoint at new parallelism), or
     * empty when this cluster cannot: a job's program stays with whoever submitted it, so only jobs this process
     * submitted (to the embedded cluster) can be, and pipelines the app's job jar runs on a cluster that
     * {@link #acceptsJobSubmission() accepts job submission}. The launcher's jobs run on when their client is
     * closed.
     */
    default Optional<JobLauncher> resubmission(JobClient job) {
        return Optional.empty();
    }
}
