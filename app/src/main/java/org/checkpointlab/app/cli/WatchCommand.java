package org.checkpointlab.app.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.checkpointlab.flink.rest.FlinkRestException;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.flink.rest.RestObservation;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.CheckpointStall;
import org.checkpointlab.model.observe.JobStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code checkpoint-lab watch URL [--job ID] [--duration D] [--interval D] [--json] [--rescale VERTEX=P]}: watches one job of a Flink
 * cluster through its REST API ({@link RestJobClient}) with a progress line on stderr, then prints the summary of
 * {@code run} (checkpoints with their phases, restarts, failures) and the back pressure per vertex. The job is
 * only watched: it runs on when the command ends.
 */
@Command(name = "watch", sortOptions = false,
        description = "Watch a job of an Apache Flink cluster (1.18 to 2.x) through its REST API and print a summary "
                + "of its checkpoints, restarts and back pressure.")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    private CommandOutput command;

    @Parameters(index = "0", paramLabel = "URL", description = "The cluster's REST address, e.g. http://localhost:8081.")
    private String url;

    @Option(names = "--job", paramLabel = "ID", description = "The job to watch (default: the cluster's only running job).")
    private String jobId;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop watching after D (e.g. 30s, 5m); default: until the job ends.")
    private Duration duration;

    @Option(names = "--interval", paramLabel = "D", converter = DurationConverter.class, defaultValue = "3s",
            description = "How often to poll the REST API (default: ${DEFAULT-VALUE}, Flink's web.refresh-interval).")
    private Duration interval;

    @Option(names = "--stall-intervals", paramLabel = "N", defaultValue = "3",
            description = "Say the checkpoints stall when none completed for N checkpoint intervals, or the start "
                    + "delay took most of the last N (default: ${DEFAULT-VALUE}).")
    private int stallIntervals;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout (nothing else).")
    private boolean json;

    @Option(names = "--rescale", paramLabel = "VERTEX=P",
            description = "First rescale the running job in place: the job vertex (its name or id) to parallelism P; "
                    + "repeatable. Needs Flink's adaptive scheduler (jobmanager.scheduler: adaptive), 1.18+.")
    private java.util.Map<String, Integer> rescale;

    private long watchedSince;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        String name = command.name();
        URI address;
        try {
            address = URI.create(url);
            if (address.getScheme() == null || !address.getScheme().startsWith("http") || address.getHost() == null) {
                throw new IllegalArgumentException("expected http://HOST:PORT");
            }
        } catch (IllegalArgumentException e) {
            return command.badInput("'" + url + "' is not a Flink REST address (expected http://HOST:PORT)");
        }
        if (interval.isNegative() || interval.isZero() || (duration != null && duration.isNegative())
                || stallIntervals < 1) {
            return command.badInput(
                    "--interval must be positive, --duration not negative, --stall-intervals at least 1");
        }
        try (RestJobClient client = RestJobClient.attach(address, jobId, interval)) {
            err.printf(Locale.ROOT, "watching Flink job %s (%s) at %s, Flink %s, every %d ms%n", client.jobId(),
                    client.pipeline().name(), client.address(), client.flinkVersion(), interval.toMillis());
            err.flush();
            if (rescale != null && !rescale.isEmpty() && !InPlaceRescaleOption.request(client, rescale, name, err)) {
                return ExitCodes.BAD_INPUT;
            }
            long start = System.nanoTime();
            watchedSince = System.currentTimeMillis();
            long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
            RestObservation o = client.observation();
            while (!ended(o) && System.nanoTime() < end) {
                long left = Math.min(end - System.nanoTime(), interval.toNanos() * 4);
                client.awaitObservation(x -> true, Duration.ofNanos(Math.max(1, left)));
                o = client.observation();
                progress(err, start, o, stall(client, o));
            }
            err.println();
            if (o.error() != null) {
                err.println(name + ": " + o.error());
            }
            report(client, o, out);
            return o.vanished() || o.snapshot().status() == JobStatus.FAILED ? ExitCodes.JOB_FAILED : ExitCodes.OK;
        } catch (FlinkRestException e) {
            return command.badInput(e.getMessage());
        }
    }

    private static boolean ended(RestObservation o) {
        return o.vanished() || o.snapshot().status().isTerminal();
    }

    /** One line per poll: elapsed, status, checkpoints, the most back-pressured vertex. */
    /** The checkpoint stall the latest poll shows, if any. */
    private java.util.Optional<CheckpointStall> stall(RestJobClient client, RestObservation o) {
        return CheckpointStall.detect(o.snapshot(), client.checkpointOptions().interval(), watchedSince,
                client.staleness(), o.polledAtMillis(), stallIntervals, stallIntervals);
    }

    private static void progress(PrintWriter err, long startNanos, RestObservation o,
                                 java.util.Optional<CheckpointStall> stall) {
        List<CheckpointStats> done = o.snapshot().checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED).toList();
        String latest = done.isEmpty() ? "" : String.format(Locale.ROOT, " (latest %d: %d ms)",
                done.get(done.size() - 1).id(), done.get(done.size() - 1).endToEndMillis());
        WatchedVertex worst = WatchedVertex.of(o).stream()
                .max(java.util.Comparator.comparingDouble(WatchedVertex::maxBackPressuredMsPerSecond)).orElse(null);
        err.printf(Locale.ROOT, "%s  %s  %d checkpoints completed%s, %d failed  back pressure: %s%s%n",
                Formats.clock((System.nanoTime() - startNanos) / 1_000_000), o.snapshot().status(),
                Math.max(0, o.completedCheckpoints()), latest, Math.max(0, o.failedCheckpoints()),
                worst == null ? "-" : worst.name() + " " + worst.backPressureLevel(),
                o.error() == null ? "" : "  (" + o.error() + ")");
        stall.ifPresent(x -> err.println("  stall: " + x));
        err.flush();
    }

    private void report(RestJobClient client, RestObservation o, PrintWriter out) {
        JobSummary summary = client.summary();
        RunReport report = new RunReport(summary, o.startTimeMillis(), o.snapshot().failures(), List.of(),
                client.savepoints(), null, "a watched Flink job: its sinks are not read");
        List<WatchedVertex> vertices = WatchedVertex.of(o);
        if (json) {
            JsonObject root = SummaryJson.toTree(report);
            JsonObject flink = new JsonObject();
            flink.addProperty("url", client.address());
            flink.addProperty("jobId", client.jobId());
            flink.addProperty("version", client.flinkVersion());
            flink.addProperty("error", o.error());
            flink.addProperty("stall", stall(client, o).map(CheckpointStall::toString).orElse(null));
            flink.add("vertices", CliJson.array(vertices, WatchCommand::vertex));
            root.add("flink", flink);
            out.println(CliJson.print(root));
        } else {
            out.printf(Locale.ROOT, "Flink job '%s' (%s at %s, Flink %s) %s after %s%n", client.pipeline().name(),
                    client.jobId(), client.address(), client.flinkVersion(), summary.status(),
                    Formats.seconds(summary.processingMillis()));
            if (summary.failureCause() != null) {
                out.println("Failure cause: " + summary.failureCause());
            }
            out.printf(Locale.ROOT, "Source records: %s (%s records/s)%n", Formats.count(summary.sourceRecords()),
                    Formats.rate(summary.throughputPerSecond()));
            out.println();
            Table t = new Table("LRRRRRL", "vertex", "parallelism", "records in", "records out", "max busy",
                    "max back pressure", "level");
            for (WatchedVertex v : vertices) {
                t.row(v.name(), String.valueOf(v.parallelism()), Formats.count(v.recordsIn()),
                        Formats.count(v.recordsOut()), permille(v.maxBusyMsPerSecond()),
                        permille(v.maxBackPressuredMsPerSecond()), v.backPressureLevel());
            }
            t.print(out);
            SummaryText.printCheckpoints(summary, out);
            stall(client, o).ifPresent(x -> out.println("Checkpoint stall: " + x));
            SummaryText.printFailuresAndRestarts(report, out);
        }
        out.flush();
    }

    private static JsonObject vertex(WatchedVertex v) {
        JsonObject vertex = new JsonObject();
        vertex.addProperty("id", v.id());
        vertex.addProperty("name", v.name());
        vertex.addProperty("parallelism", v.parallelism());
        vertex.addProperty("recordsIn", v.recordsIn());
        vertex.addProperty("recordsOut", v.recordsOut());
        vertex.addProperty("maxBusyMsPerSecond", v.maxBusyMsPerSecond());
        vertex.addProperty("maxBackPressuredMsPerSecond", v.maxBackPressuredMsPerSecond());
        vertex.addProperty("backPressureLevel", v.backPressureLevel());
        return vertex;
    }

    private static String permille(double msPerSecond) {
        return String.format(Locale.ROOT, "%.0f ms/s", msPerSecond);
    }
}
