package org.checkpointlab.model.lesson;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.google.gson.Gson;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a step's {@code when:} condition of a lesson file (see {@link LessonFiles}), naming the line of a mistake. */
final class StepConditionReader {
    private StepConditionReader() {
    }

    /** The conditions a step may end on, with their parameters. */
    static final Map<String, Set<String>> CONDITIONS = Map.ofEntries(
            Map.entry("next", Set.of()),
            Map.entry("answer", Set.of()),
            Map.entry("barrier-reached", Set.of("operator", "checkpoint")),
            Map.entry("channel-blocked", Set.of("from", "to")),
            Map.entry("checkpoint-completed", Set.of("count", "unaligned", "at-least-once", "min-persisted-bytes",
                    "min-alignment-ms", "min-start-delay-ms", "min-async-ms")),
            Map.entry("checkpoint-failed", Set.of()),
            Map.entry("subtask-failed", Set.of("operator")),
            Map.entry("job-restored", Set.of("from")),
            Map.entry("savepoint-written", Set.of()),
            Map.entry("job-rescaled", Set.of("operator", "parallelism")),
            Map.entry("job-status", Set.of("status")),
            Map.entry("backpressure", Set.of("operator", "level")),
            Map.entry("records", Set.of("operator", "count")),
            Map.entry("state-backend", Set.of("backend", "incremental")),
            Map.entry("barriers", Set.of("mode", "aligned-timeout")),
            Map.entry("user-did", Set.of("action")),
            Map.entry("key-found", Set.of("operator", "key", "rescaled")));

    static StepCondition read(YamlNode node, PipelineSpec pipeline) throws LessonFileException {
        String name;
        Map<String, YamlNode> p = Map.of();
        YamlNode at = node;
        if (node.isScalar()) {
            name = node.text();
        } else {
            Map<String, YamlNode> e = node.mapping();
            if (e.size() != 1) {
                throw node.error("give one condition, e.g. 'when: checkpoint-completed' or "
                        + "'when: {barrier-reached: {operator: count}}'");
            }
            name = e.keySet().iterator().next();
            at = e.get(name);
            if (at.isMapping()) {
                p = at.mapping();
            } else if (!(at.isScalar() && isNull(at))) {
                throw at.error("the parameters of '" + name + "' go in a mapping, e.g. {operator: count}");
            }
        }
        Set<String> known = CONDITIONS.get(name);
        if (known == null) {
            throw node.error("unknown condition '" + name + "' (known: "
                    + String.join(", ", CONDITIONS.keySet().stream().sorted().toList()) + ")");
        }
        for (Map.Entry<String, YamlNode> e : p.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().error("'" + name + "' has no parameter '" + e.getKey() + "' (it has: "
                        + (known.isEmpty() ? "none" : String.join(", ", known.stream().sorted().toList())) + ")");
            }
        }
        return switch (name) {
            case "next" -> new StepCondition.Manual();
            case "answer" -> new StepCondition.Answered();
            case "barrier-reached" -> new StepCondition.BarrierReached(operator(LessonFiles.require(at, p, "operator"), pipeline),
                    p.containsKey("checkpoint") ? positive(p.get("checkpoint")) : 0);
            case "channel-blocked" -> new StepCondition.ChannelBlocked(
                    p.containsKey("from") ? operator(p.get("from"), pipeline) : null,
                    p.containsKey("to") ? operator(p.get("to"), pipeline) : null);
            case "checkpoint-completed" -> new StepCondition.CheckpointCompleted(
                    p.containsKey("count") ? (int) positive(p.get("count")) : 1,
                    p.containsKey("unaligned") ? p.get("unaligned").bool() : null,
                    p.containsKey("at-least-once") ? p.get("at-least-once").bool() : null,
                    nonNegative(p, "min-persisted-bytes"), nonNegative(p, "min-alignment-ms"),
                    nonNegative(p, "min-start-delay-ms"), nonNegative(p, "min-async-ms"), false);
            case "checkpoint-failed" -> new StepCondition.CheckpointFailed();
            case "subtask-failed" -> new StepCondition.SubtaskFailed(
                    p.containsKey("operator") ? operator(p.get("operator"), pipeline) : null);
            case "job-restored" -> new StepCondition.JobRestored(p.containsKey("from")
                    && oneOf(p.get("from"), List.of("checkpoint", "savepoint")).equals("savepoint"));
            case "savepoint-written" -> new StepCondition.SavepointWritten();
            case "job-rescaled" -> new StepCondition.JobRescaled(operator(LessonFiles.require(at, p, "operator"), pipeline),
                    p.containsKey("parallelism") ? (int) positive(p.get("parallelism")) : 0);
            case "job-status" -> new StepCondition.JobStatusIs(JobStatus.valueOf(oneOf(LessonFiles.require(at, p, "status"),
                    java.util.Arrays.stream(JobStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList())
                    .toUpperCase(Locale.ROOT)));
            case "backpressure" -> new StepCondition.Backpressured(operator(LessonFiles.require(at, p, "operator"), pipeline),
                    p.containsKey("level") ? oneOf(p.get("level"), List.of("low", "high")).toUpperCase(Locale.ROOT)
                            : "HIGH");
            case "records" -> new StepCondition.RecordsProcessed(operator(LessonFiles.require(at, p, "operator"), pipeline),
                    positive(LessonFiles.require(at, p, "count")));
            case "state-backend" -> new StepCondition.StateBackendIs(StateBackendKind.valueOf(
                    oneOf(LessonFiles.require(at, p, "backend"), List.of("hashmap", "rocksdb")).toUpperCase(Locale.ROOT)),
                    p.containsKey("incremental") && p.get("incremental").bool());
            case "barriers" -> new StepCondition.BarriersAre(
                    p.containsKey("mode") ? oneOf(p.get("mode"), List.of("aligned", "unaligned", "at-least-once"))
                            : null, p.containsKey("aligned-timeout") && p.get("aligned-timeout").bool());
            case "user-did" -> new StepCondition.UserDid(LessonFiles.require(at, p, "action").text());
            case "key-found" -> new StepCondition.KeyFoundInState(
                    p.containsKey("operator") ? operator(p.get("operator"), pipeline) : null,
                    p.containsKey("key") ? p.get("key").text() : null,
                    p.containsKey("rescaled") && p.get("rescaled").bool());
            default -> throw new IllegalStateException("condition without a reader: " + name);
        };
    }

    private static boolean isNull(YamlNode node) {
        try {
            return node.plain() == null;
        } catch (LessonFileException e) {
            return false;
        }
    }

    static String operator(YamlNode node, PipelineSpec pipeline) throws LessonFileException {
        String id = node.text();
        if (pipeline.operator(id).isEmpty()) {
            throw node.error("the pipeline has no operator '" + id + "' (it has: " + String.join(", ",
                    pipeline.operators().stream().map(o -> o.id()).toList()) + ")");
        }
        return id;
    }

    private static String oneOf(YamlNode node, List<String> values) throws LessonFileException {
        String v = node.text().toLowerCase(Locale.ROOT);
        if (!values.contains(v)) {
            throw node.error("'" + node.text() + "' is not one of " + String.join(", ", values));
        }
        return v;
    }

    private static long positive(YamlNode node) throws LessonFileException {
        long v = node.integer();
        if (v < 1) {
            throw node.error("must be at least 1, was " + v);
        }
        return v;
    }

    private static long nonNegative(Map<String, YamlNode> p, String key) throws LessonFileException {
        if (!p.containsKey(key)) {
            return 0;
        }
        long v = p.get(key).integer();
        if (v < 0) {
            throw p.get(key).error("must not be negative, was " + v);
        }
        return v;
    }
}
