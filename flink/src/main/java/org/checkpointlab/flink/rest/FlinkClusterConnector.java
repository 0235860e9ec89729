package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterConnector;
import org.checkpointlab.model.client.ClusterException;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;

/**
 * A {@link ClusterConnector} for Flink clusters (1.18 to 2.x) through their REST API: {@link #connect} reads
 * {@code /config} (Flink answers with its version), {@link ClusterConnection#jobs()} reads {@code /jobs/overview}
 * and {@link ClusterConnection#open} attaches a {@link RestJobClient} polling at the connector's interval.
 */
public final class FlinkClusterConnector implements ClusterConnector {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final Duration interval;

    /** @param interval how often an opened job is polled (Flink's web UI: {@link RestJobClient#DEFAULT_INTERVAL}) */
    public FlinkClusterConnector(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    /** Polls opened jobs as often as Flink's web UI does. */
    public FlinkClusterConnector() {
        this(RestJobClient.DEFAULT_INTERVAL);
    }

    @Override
    public ClusterConnection connect(String address) throws ClusterException, InterruptedException {
        URI url = url(address);
        FlinkRestApi api = new FlinkRestApi(url, HTTP_TIMEOUT);
        try {
            FlinkClusterProbe.ClusterInfo info = FlinkClusterProbe.clusterInfo(api);
            return new Connection(url, api, info);
        } catch (FlinkRestException e) {
            throw new ClusterException(e.getMessage(), e);
        }
    }

    /** {@code address} as a URL; {@code http://} is assumed when no scheme is given. */
    public static URI url(String address) throws ClusterException {
        String trimmed = address == null ? "" : address.trim();
        if (trimmed.isEmpty()) {
            throw new ClusterException("no address: type the URL of the cluster's REST API, e.g. http://localhost:8081");
        }
        String withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed;
        try {
            URI url = new URI(withScheme);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ClusterException("'" + trimmed + "' is not an http or https URL");
            }
            if (url.getHost() == null) {
                throw new ClusterException("'" + trimmed + "' names no host (e.g. http://localhost:8081)");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ClusterException("'" + trimmed + "' is not a URL: " + e.getReason(), e);
        }
    }

    /** {@code /jobs/overview} as cluster jobs, newest first (as Flink's web UI lists them). */
    static List<ClusterJob> jobs(JsonObject overview) {
        List<ClusterJob> jobs = new ArrayList<>();
        for (JsonObject j : RestJson.objects(overview, "jobs")) {
            jobs.add(new ClusterJob(RestJson.getString(j, "jid"), RestJson.getString(j, "name"),
                    RestJson.getString(j, "state"), RestJson.getLong(j, "start-time", -1),
                    RestJson.getLong(j, "duration", -1)));
        }
        jobs.sort(java.util.Comparator.comparingLong(ClusterJob::startTimeMillis).reversed());
        return jobs;
    }

    private final class Connection implements ClusterConnection {
        private final URI url;
        private final FlinkRestApi api;
        private final FlinkClusterProbe.ClusterInfo info;

        Connection(URI url, FlinkRestApi api, FlinkClusterProbe.ClusterInfo info) {
            this.url = url;
            this.api = api;
            this.info = info;
        }

        @Override
        public String address() {
            return api.address();
        }

        @Override
        public String engine() {
            return "Flink " + info.flinkVersion();
        }

        /** Flink's {@code web.refresh-interval} (its job caches) plus the poll interval. */
        @Override
        public Duration observationDelay() {
            return info.refreshInterval().plus(interval);
        }

        @Override
        public List<ClusterJob> jobs() throws ClusterException, InterruptedException {
            try {
                return FlinkClusterConnector.jobs(api.getObject("/jobs/overview"));
            } catch (FlinkRestException e) {
                throw new ClusterException(e.getMessage(), e);
            }
        }

        @Override
        public JobClient open(String jobId) throws ClusterException, InterruptedException {
            try {
                return RestJobClient.attach(url, jobId, interval);
            } catch (FlinkRestException e) {
                throw new ClusterException(e.getMessage(), e);
            }
        }
    }
}
