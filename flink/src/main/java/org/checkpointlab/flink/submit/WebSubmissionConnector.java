package org.checkpointlab.flink.submit;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterConnector;
import org.checkpointlab.model.client.ClusterException;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;

/**
 * Connects as {@code flink} does, and adds what web submission allows: a job the job jar started opens in its
 * pipeline's terms ({@link SubmittedPipelineJobClient}, on any cluster), and on a cluster with web submission it
 * can be started again from a savepoint ({@link ClusterConnection#resubmission}, through
 * {@link WebSubmissionLauncher}). Jobs of other programs, and clusters without web submission, stay as
 * {@code flink} shows them.
 */
public final class WebSubmissionConnector implements ClusterConnector {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final ClusterConnector flink;
    private final Duration interval;

    /**
     * @param flink    the connector underneath (Flink's REST API, or the app's embedded cluster over it)
     * @param interval how often jobs started from here are polled
     */
    public WebSubmissionConnector(ClusterConnector flink, Duration interval) {
        this.flink = Objects.requireNonNull(flink, "flink");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public ClusterConnection connect(String address) throws ClusterException, InterruptedException {
        ClusterConnection connection = flink.connect(address);
        URI url = FlinkClusterConnector.url(address);
        FlinkRestApi api = new FlinkRestApi(url, HTTP_TIMEOUT);
        boolean webSubmission = false;
        try {
            webSubmission = WebSubmission.available(api, api.getObject("/config"));
        } catch (org.checkpointlab.flink.rest.FlinkRestException e) {
            // connect() above read /config: a failure now leaves the cluster without web submission
        }
        return new Connection(connection, url, api, webSubmission);
    }

    @Override
    public Optional<String> localClusterAddress() {
        return flink.localClusterAddress();
    }

    private final class Connection implements ClusterConnection {
        private final ClusterConnection flink;
        private final URI url;
        private final FlinkRestApi api;
        private final boolean webSubmission;

        Connection(ClusterConnection flink, URI url, FlinkRestApi api, boolean webSubmission) {
            this.flink = flink;
            this.url = url;
            this.api = api;
            this.webSubmission = webSubmission;
        }

        @Override
        public String address() {
            return flink.address();
        }

        @Override
        public String engine() {
            return flink.engine();
        }

        @Override
        public Duration observationDelay() {
            return flink.observationDelay();
        }

        @Override
        public boolean acceptsJobSubmission() {
            return webSubmission || flink.acceptsJobSubmission();
        }

        @Override
        public List<ClusterJob> jobs() throws ClusterException, InterruptedException {
            return flink.jobs();
        }

        @Override
        public JobClient open(String jobId) throws ClusterException, InterruptedException {
            JobClient job = flink.open(jobId);
            if (job instanceof RestJobClient rest) {
                return SubmittedPipelineJobClient.of(rest, api).<JobClient>map(p -> p).orElse(rest);
            }
            return job;
        }

        /** The connector underneath's, else for a pipeline the job jar started, when the cluster takes jars. */
        @Override
        public Optional<JobLauncher> resubmission(JobClient job) {
            Optional<JobLauncher> own = flink.resubmission(job);
            if (own.isPresent() || !webSubmission || !(job instanceof SubmittedPipelineJobClient submitted)) {
                return own;
            }
            return Optional.of(new WebSubmissionLauncher(url, submitted.program(), interval));
        }
    }
}
