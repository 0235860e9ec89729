package org.checkpointlab.flink.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * Flink's job answers ({@code /jobs/:jid}, {@code /plan}, {@code /vertices/:vid}, {@code /backpressure},
 * {@code /checkpoints/config}, {@code /exceptions}) as the engine-neutral model. Pure functions of the JSON,
 * lenient to fields that differ between Flink versions.
 */
public final class RestJobParser {
    /** The kind given to a Flink job vertex in the pipeline built from its plan (not a local operator kind). */
    public static final String VERTEX_KIND = "flink-vertex";
    private static final Pattern SUBTASK_OF_TASK = Pattern.compile("\\((\\d+)/(\\d+)\\)");

    private RestJobParser() {
    }

    /** A vertex of {@code /jobs/:jid}. */
    public record Vertex(String id, String name, int parallelism, int maxParallelism, long recordsIn,
                         long recordsOut) {
    }

    public static JobStatus jobStatus(JsonObject job) {
        String state = RestJson.getString(job, "state");
        if (state == null) {
            return JobStatus.CREATED;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "RUNNING", "CANCELLING", "RECONCILING" -> JobStatus.RUNNING;
            case "FAILING" -> JobStatus.FAILING;
            case "RESTARTING", "SUSPENDED" -> JobStatus.RESTARTING;
            case "FINISHED" -> JobStatus.FINISHED;
            case "CANCELED" -> JobStatus.CANCELED;
            case "FAILED" -> JobStatus.FAILED;
            default -> JobStatus.CREATED; // INITIALIZING, CREATED
        };
    }

    public static List<Vertex> vertices(JsonObject job) {
        List<Vertex> result = new ArrayList<>();
        for (JsonObject v : RestJson.objects(job, "vertices")) {
            JsonObject metrics = RestJson.getObject(v, "metrics");
            result.add(new Vertex(RestJson.getString(v, "id"), RestJson.getString(v, "name"),
                    (int) RestJson.getLong(v, "parallelism", 1), (int) RestJson.getLong(v, "maxParallelism", -1),
                    RestJson.getLong(metrics, "read-records", 0), RestJson.getLong(metrics, "write-records", 0)));
        }
        return result;
    }

    /**
     * The job's graph as a pipeline: one operator per job vertex (a chain of Flink operators; its id is the
     * vertex id, its kind {@value #VERTEX_KIND}), edges from the plan's inputs with their ship strategy. Chaining
     * is off: Flink already chained.
     */
    public static PipelineSpec pipeline(String jobName, List<Vertex> vertices, JsonObject plan) {
        List<OperatorSpec> operators = new ArrayList<>();
        for (Vertex v : vertices) {
            operators.add(new OperatorSpec(v.id(), v.name(), VERTEX_KIND, Math.max(1, v.parallelism()),
                    v.maxParallelism() > 0 ? v.maxParallelism() : null, Map.of()));
        }
        List<EdgeSpec> edges = new ArrayList<>();
        for (JsonObject node : RestJson.objects(RestJson.getObject(plan, "plan"), "nodes")) {
            String to = RestJson.getString(node, "id");
            for (JsonObject input : RestJson.objects(node, "inputs")) {
                String from = RestJson.getString(input, "id");
                if (from != null && to != null) {
                    edges.add(new EdgeSpec(from, to, partitioning(RestJson.getString(input, "ship_strategy"))));
                }
            }
        }
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, jobName == null ? "Flink job" : jobName, operators,
                edges, Map.of(), false);
    }

    /** Flink's ship strategy as the nearest partitioning (RESCALE and custom ones distribute like REBALANCE). */
    static Partitioning partitioning(String shipStrategy) {
        String s = shipStrategy == null ? "" : shipStrategy.toUpperCase(Locale.ROOT);
        if (s.contains("HASH")) {
            return Partitioning.HASH;
        }
        if (s.contains("BROADCAST")) {
            return Partitioning.BROADCAST;
        }
        return s.contains("FORWARD") ? Partitioning.FORWARD : Partitioning.REBALANCE;
    }

    /**
     * The subtasks of one vertex from its {@code /vertices/:vid} answer (status, records) and its
     * {@code /backpressure} answer (busy, idle and back-pressured ratios per subtask; absent while Flink's
     * metric store is still empty: then 0).
     */
    public static List<SubtaskSnapshot> subtasks(Vertex vertex, JsonObject details, JsonObject backpressure) {
        Map<Integer, JsonObject> ratios = new HashMap<>();
        for (JsonObject s : RestJson.objects(backpressure, "subtasks")) {
            ratios.put((int) RestJson.getLong(s, "subtask", -1), s);
        }
        List<SubtaskSnapshot> result = new ArrayList<>();
        for (JsonObject s : RestJson.objects(details, "subtasks")) {
            int index = (int) RestJson.getLong(s, "subtask", result.size());
            JsonObject metrics = RestJson.getObject(s, "metrics");
            JsonObject r = ratios.get(index);
            result.add(new SubtaskSnapshot(vertex.name(), List.of(vertex.id()), index, vertex.parallelism(),
                    subtaskStatus(RestJson.getString(s, "status")), new BarrierHandlerState.WaitingForFirstBarrier(),
                    RestJson.getLong(metrics, "read-records", 0), RestJson.getLong(metrics, "write-records", 0),
                    1000 * RestJson.getDouble(r, "busyRatio", 0), 1000 * RestJson.getDouble(r, "ratio", 0),
                    1000 * RestJson.getDouble(r, "idleRatio", 0), 0, 0, 0, false, 0, -1));
        }
        return result;
    }

    /** Subtasks per request for their pool usage: keeps the request line short (Netty's limit is 4096 bytes). */
    static final int POOL_USAGE_BATCH = 16;
    /** A subtask's input pool usage: its name since Flink 1.9, and the shuffle group's (the one left in 2.x). */
    private static final List<String> IN_POOL = List.of("buffers.inPoolUsage", "Shuffle.Netty.Input.Buffers.inPoolUsage");
    private static final List<String> OUT_POOL = List.of("buffers.outPoolUsage",
            "Shuffle.Netty.Output.Buffers.outPoolUsage");

    /**
     * The {@code get} parameter of {@code /vertices/:vid/metrics} for the input and output pool usage of subtasks
     * {@code from} (inclusive) to {@code to} (exclusive), under both names Flink versions use: Flink names a
     * subtask's metric there by its index, {@code 2.buffers.inPoolUsage}.
     */
    public static String poolUsageQuery(int from, int to) {
        StringBuilder get = new StringBuilder();
        for (int i = from; i < to; i++) {
            for (String name : java.util.stream.Stream.concat(IN_POOL.stream(), OUT_POOL.stream()).toList()) {
                get.append(get.length() == 0 ? "" : ",").append(i).append('.').append(name);
            }
        }
        return get.toString();
    }

    /**
     * The subtasks with their input and output pool usage (0..1) from {@code /vertices/:vid/metrics} answers
     * ({@code [{"id":"2.buffers.inPoolUsage","value":"0.5"}]}); a subtask Flink has no value for keeps 0, as
     * while its metric store is still empty.
     */
    public static List<SubtaskSnapshot> withPoolUsage(List<SubtaskSnapshot> subtasks, List<JsonElement> answers) {
        Map<String, Double> values = new HashMap<>();
        for (JsonElement answer : answers) {
            if (answer != null && answer.isJsonArray()) {
                for (JsonObject m : RestJson.objects(answer.getAsJsonArray())) {
                    String id = RestJson.getString(m, "id");
                    double value = RestJson.getDouble(m, "value", Double.NaN);
                    if (id != null && !Double.isNaN(value)) {
                        values.put(id, value);
                    }
                }
            }
        }
        List<SubtaskSnapshot> result = new ArrayList<>();
        for (SubtaskSnapshot s : subtasks) {
            int i = s.subtaskIndex();
            double in = first(values, i, IN_POOL, s.inPoolUsage());
            double out = first(values, i, OUT_POOL, s.outPoolUsage());
            result.add(new SubtaskSnapshot(s.taskName(), s.operatorIds(), i, s.parallelism(), s.status(),
                    s.barrierState(), s.recordsIn(), s.recordsOut(), s.busyMsPerSecond(),
                    s.backPressuredMsPerSecond(), s.idleMsPerSecond(), in, out, s.stateSizeBytes(), s.syncPhase(),
                    s.asyncSnapshots(), s.restoredCheckpointId()));
        }
        return result;
    }

    private static double first(Map<String, Double> values, int subtask, List<String> names, double fallback) {
        for (String name : names) {
            Double v = values.get(subtask + "." + name);
            if (v != null) {
                return v;
            }
        }
        return fallback;
    }

    static SubtaskStatus subtaskStatus(String executionState) {
        String s = executionState == null ? "" : executionState.toUpperCase(Locale.ROOT);
        return switch (s) {
            case "INITIALIZING" -> SubtaskStatus.RESTORING;
            case "RUNNING" -> SubtaskStatus.RUNNING;
            case "FINISHED" -> SubtaskStatus.FINISHED;
            case "CANCELING" -> SubtaskStatus.CANCELING;
            case "CANCELED" -> SubtaskStatus.CANCELED;
            case "FAILED" -> SubtaskStatus.FAILED;
            default -> SubtaskStatus.CREATED; // CREATED, SCHEDULED, DEPLOYING, RECONCILING
        };
    }

    /** {@code /checkpoints/config} as checkpoint options; Flink's defaults where a field is absent. */
    public static CheckpointOptions checkpointOptions(JsonObject config) {
        CheckpointOptions d = CheckpointOptions.defaults();
        long interval = RestJson.getLong(config, "interval", -1);
        String mode = RestJson.getString(config, "mode");
        return d.withInterval(interval > 0 && interval < Long.MAX_VALUE / 2 ? Duration.ofMillis(interval) : null)
                .withMode(mode != null && mode.toLowerCase(Locale.ROOT).contains("least")
                        ? CheckpointingMode.AT_LEAST_ONCE : CheckpointingMode.EXACTLY_ONCE)
                .withTimeout(Duration.ofMillis(RestJson.getLong(config, "timeout", d.timeout().toMillis())))
                .withMinPause(Duration.ofMillis(RestJson.getLong(config, "min_pause", 0)))
                .withMaxConcurrent((int) RestJson.getLong(config, "max_concurrent", 1))
                .withTolerableFailures((int) RestJson.getLong(config, "tolerable_failed_checkpoints", 0))
                .withUnaligned(RestJson.getBoolean(config, "unaligned_checkpoints"))
                .withAlignedTimeout(Duration.ofMillis(RestJson.getLong(config, "aligned_checkpoint_timeout", 0)));
    }

    /**
     * The exception history ({@code exceptionHistory.entries}, 1.13+), oldest first. A task's failure names its
     * vertex (matched by the task name) and subtask ("Name (2/3)" is subtask 1).
     */
    public static List<FailureEvent> failures(JsonObject exceptions, List<Vertex> vertices) {
        List<FailureEvent> result = new ArrayList<>();
        for (JsonObject e : RestJson.objects(RestJson.getObject(exceptions, "exceptionHistory"), "entries")) {
            String task = RestJson.getString(e, "taskName");
            String vertexId = null;
            int subtask = -1;
            if (task != null) {
                for (Vertex v : vertices) {
                    if (v.name() != null && task.startsWith(v.name())) {
                        vertexId = v.id();
                    }
                }
                Matcher m = SUBTASK_OF_TASK.matcher(task);
                if (m.find()) {
                    subtask = Integer.parseInt(m.group(1)) - 1;
                }
            }
            String name = RestJson.getString(e, "exceptionName");
            String trace = RestJson.getString(e, "stacktrace");
            String message = trace != null ? trace.lines().findFirst().orElse(trace) : name;
            result.add(new FailureEvent(RestJson.getLong(e, "timestamp", 0), vertexId, subtask,
                    message == null ? "unknown failure" : message));
        }
        result.sort(java.util.Comparator.comparingLong(FailureEvent::timestamp));
        return result;
    }

    /** {@code numRestarts} from {@code /jobs/:jid/metrics?get=numRestarts} ({@code [{"id","value"}]}), or 0. */
    public static int restarts(JsonElement metrics) {
        if (metrics != null && metrics.isJsonArray()) {
            for (JsonObject m : RestJson.objects(metrics.getAsJsonArray())) {
                if ("numRestarts".equals(RestJson.getString(m, "id"))) {
                    return (int) Math.max(0, RestJson.getLong(m, "value", 0));
                }
            }
        }
        return 0;
    }
}
