package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.client.TaskSlots;

/** Checks that an address is Flink's REST API and picks the job to watch there. */
public final class FlinkClusterProbe {
    private FlinkClusterProbe() {
    }

    /** A job of {@code /jobs/overview}. */
    public record JobOverview(String id, String name, String state) {
        @Override
        public String toString() {
            return id + " (" + name + ", " + state + ")";
        }
    }

    /** What {@code /config} tells about a cluster. */
    public record ClusterInfo(String flinkVersion, java.time.Duration refreshInterval) {
    }

    /**
     * Flink's version and web refresh interval (which its job caches live for) at {@code api}, from
     * {@code /config}.
     *
     * @throws FlinkRestException naming the address when nothing answers or the answer is not Flink's
     */
    public static ClusterInfo clusterInfo(FlinkRestApi api) throws FlinkRestException, InterruptedException {
        JsonObject config;
        try {
            config = api.getObject("/config");
        } catch (FlinkRestException e) {
            if (e.httpStatus() < 0) {
                throw e;
            }
            throw notFlink(api, e.getMessage(), e);
        }
        String version = RestJson.getString(config, "flink-version");
        if (version == null) {
            throw notFlink(api, "its /v1/config has no flink-version", null);
        }
        return new ClusterInfo(version, java.time.Duration.ofMillis(RestJson.getLong(config, "refresh-interval", 3000)));
    }

    private static FlinkRestException notFlink(FlinkRestApi api, String why, FlinkRestException cause) {
        return new FlinkRestException(api.address() + " answers, but not as Flink's REST API (" + why + ")",
                cause == null ? 200 : cause.httpStatus(), cause);
    }

    public static List<JobOverview> jobs(FlinkRestApi api) throws FlinkRestException, InterruptedException {
        List<JobOverview> jobs = new ArrayList<>();
        for (JsonObject j : RestJson.objects(api.getObject("/jobs/overview"), "jobs")) {
            jobs.add(new JobOverview(RestJson.getString(j, "jid"), RestJson.getString(j, "name"),
                    RestJson.getString(j, "state")));
        }
        return jobs;
    }

    /**
     * The job to watch: {@code jobId} if the cluster knows it, else (when {@code jobId} is null) its only job that
     * has not ended.
     *
     * @throws FlinkRestException naming the address, the job and the jobs there are, when there is no such job or
     *                            no single choice
     */
    public static JobOverview pickJob(FlinkRestApi api, String jobId) throws FlinkRestException,
            InterruptedException {
        List<JobOverview> jobs = jobs(api);
        if (jobId != null) {
            return jobs.stream().filter(j -> jobId.equalsIgnoreCase(j.id())).findFirst()
                    .orElseThrow(() -> new FlinkRestException("no job " + jobId + " on the Flink cluster at "
                            + api.address() + describe(jobs), 404, null));
        }
        List<JobOverview> live = jobs.stream().filter(j -> !ended(j.state())).toList();
        if (live.size() == 1) {
            return live.get(0);
        }
        throw new FlinkRestException((live.isEmpty() ? "no running job" : live.size() + " running jobs")
                + " on the Flink cluster at " + api.address() + describe(jobs)
                + (live.isEmpty() ? "" : "; pick one with --job ID"));
    }

    private static boolean ended(String state) {
        return "FINISHED".equals(state) || "CANCELED".equals(state) || "FAILED".equals(state);
    }

    private static String describe(List<JobOverview> jobs) {
        return jobs.isEmpty() ? " (it has no jobs)" : " (jobs there: " + jobs.stream().map(JobOverview::toString)
                .reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    /** Flink's {@code /overview}: {@code slots-total}, {@code slots-available}; unknown when it does not answer. */
    static TaskSlots taskSlots(FlinkRestApi api) throws InterruptedException {
        try {
            JsonObject overview = api.getObject("/overview");
            return new TaskSlots((int) RestJson.getLong(overview, "slots-total", -1),
                    (int) RestJson.getLong(overview, "slots-available", -1));
        } catch (FlinkRestException e) {
            return TaskSlots.UNKNOWN;
        }
    }
}
