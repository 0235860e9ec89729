package org.checkpointlab.flink.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.FlinkRestException;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterConnector;
import org.checkpointlab.model.client.ClusterException;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;

/**
 * Connect to Flink as the app offers it: any Flink cluster through {@link FlinkClusterConnector}, and, when the
 * address is the app's own embedded cluster, its jobs the app submitted shown as Run shows them (the pipeline's
 * operators, not bare job vertices) and restorable from their savepoints at new parallelism: the app has their
 * program, so it can submit it again from a savepoint ({@link ClusterConnection#resubmission}).
 */
public final class EmbeddedClusterConnector implements ClusterConnector {
    private final FlinkClusterConnector flink;
    private final EmbeddedFlinkEngine engine;
    private final Duration interval;

    /**
     * @param interval how often a job opened on the embedded cluster is polled (other clusters' jobs are polled at
     *                 {@code flink}'s interval)
     */
    public EmbeddedClusterConnector(FlinkClusterConnector flink, EmbeddedFlinkEngine engine, Duration interval) {
        this.flink = Objects.requireNonNull(flink, "flink");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Jobs of the embedded cluster are polled as often as Run's (it is in this process). */
    public EmbeddedClusterConnector(FlinkClusterConnector flink, EmbeddedFlinkEngine engine) {
        this(flink, engine, EmbeddedFlinkEngine.POLL_INTERVAL);
    }

    @Override
    public ClusterConnection connect(String address) throws ClusterException, InterruptedException {
        ClusterConnection connection = flink.connect(address);
        return engine.isClusterAt(FlinkClusterConnector.url(address)) ? new Embedded(connection) : connection;
    }

    /** The embedded cluster's REST address, once it runs. */
    @Override
    public Optional<String> localClusterAddress() {
        return Optional.ofNullable(engine.restAddress());
    }

    /** The embedded cluster: its own jobs open as Run's client shows them, and can be submitted again. */
    private final class Embedded implements ClusterConnection {
        private final ClusterConnection rest;

        Embedded(ClusterConnection rest) {
            this.rest = rest;
        }

        @Override
        public String address() {
            return rest.address();
        }

        @Override
        public String engine() {
            return rest.engine();
        }

        @Override
        public Duration observationDelay() {
            return rest.observationDelay();
        }

        /** The app submits its own jobs here. */
        @Override
        public boolean acceptsJobSubmission() {
            return true;
        }

        @Override
        public List<ClusterJob> jobs() throws ClusterException, InterruptedException {
            return rest.jobs();
        }

        @Override
        public JobClient open(String jobId) throws ClusterException, InterruptedException {
            try {
                JobClient own = engine.watch(jobId, interval);
                return own != null ? own : rest.open(jobId);
            } catch (FlinkRestException e) {
                throw new ClusterException(e.getMessage(), e);
            }
        }

        @Override
        public Optional<JobLauncher> resubmission(JobClient job) {
            return job instanceof EmbeddedFlinkJobClient ? Optional.of(engine::startWatched) : Optional.empty();
        }
    }
}
