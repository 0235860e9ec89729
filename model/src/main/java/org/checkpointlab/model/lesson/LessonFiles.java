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

/**
 * Reads lesson files (YAML, one lesson per file; the format is in {@code docs/lessons.md}). A file that does not
 * fit is refused with a {@link LessonFileException} naming the file and the line: YAML syntax, unknown or missing
 * keys, a text without its Chinese, an unknown condition, an operator the pipeline does not have, checkpoint
 * settings Flink would refuse.
 */
public final class LessonFiles {
    /** The lesson file format this reader understands. */
    public static final int FORMAT = 1;
    /** Lesson files end in this. */
    public static final String EXTENSION = ".yaml";
    /** The tabs a step may point at. */
    public static final List<String> TABS = List.of("checkpoints", "charts", "settings", "output");

    private static final Set<String> TOP = Set.of("format", "id", "title", "summary", "pipeline", "checkpointing",
            "speed", "steps");
    private static final Set<String> STEP = Set.of("id", "title", "text", "look", "do", "highlight", "when",
            "question", "advance");
    private static final Set<String> TEXT = Set.of("en", "zh-CN");

    private final String file;
    private final Path directory;

    private LessonFiles(String file, Path directory) {
        this.file = file;
        this.directory = directory;
    }

    /** Reads the lesson file {@code path} (UTF-8); pipeline files it refers to are found next to it. */
    public static Lesson read(Path path) throws LessonFileException {
        String name = path.getFileName().toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new LessonFileException(name, 0, "file not found (" + path.toAbsolutePath() + ")");
        } catch (MalformedInputException e) {
            throw new LessonFileException(name, 0, "not a UTF-8 text file");
        } catch (IOException e) {
            throw new LessonFileException(name, 0, "cannot read the file: " + e.getMessage());
        }
        Path dir = path.toAbsolutePath().getParent();
        return parse(name, text, dir);
    }

    /**
     * Parses a lesson.
     *
     * @param fileName  the file's name: in every error, and (without {@value #EXTENSION}) the lesson's id unless
     *                  the file gives one
     * @param directory where {@code pipeline: sample:} paths are resolved
     */
    public static Lesson parse(String fileName, String yaml, Path directory) throws LessonFileException {
        return new LessonFiles(fileName, directory).lesson(compose(fileName, yaml));
    }

    private static YamlNode compose(String fileName, String yaml) throws LessonFileException {
        if (yaml.isBlank()) {
            throw new LessonFileException(fileName, 1, "the file is empty");
        }
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new LessonFileException(fileName, mark == null ? 0 : mark.getLine() + 1,
                    "not valid YAML: " + problem);
        } catch (YAMLException e) {
            throw new LessonFileException(fileName, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new LessonFileException(fileName, 1, "the file is empty");
        }
        return new YamlNode(fileName, "", root);
    }

    private Lesson lesson(YamlNode root) throws LessonFileException {
        Map<String, YamlNode> top = root.mapping(TOP);
        long format = require(root, top, "format").integer();
        if (format != FORMAT) {
            throw top.get("format").error("format " + format + " is not known (this version reads format "
                    + FORMAT + ")");
        }
        String id = top.containsKey("id") ? top.get("id").text()
                : file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file;
        LocalizedText title = text(require(root, top, "title"));
        LocalizedText summary = text(require(root, top, "summary"));
        PipelineSpec pipeline = pipeline(require(root, top, "pipeline"));
        if (top.containsKey("checkpointing")) {
            pipeline = withCheckpointing(pipeline, top.get("checkpointing"));
        }
        double speed = 1.0;
        if (top.containsKey("speed")) {
            speed = top.get("speed").number();
            if (!(speed >= 0.001 && speed <= 1)) {
                throw top.get("speed").error("speed must be between 0.001 (human speed) and 1 (full speed), was "
                        + speed);
            }
        }
        List<LessonStep> steps = new ArrayList<>();
        List<YamlNode> items = require(root, top, "steps").sequence();
        if (items.isEmpty()) {
            throw top.get("steps").error("a lesson needs at least one step");
        }
        Set<String> stepIds = new java.util.HashSet<>();
        for (YamlNode item : items) {
            LessonStep step = step(item, pipeline);
            if (!stepIds.add(step.id())) {
                throw item.error("step id '" + step.id() + "' is used twice");
            }
            steps.add(step);
        }
        return new Lesson(id, title, summary, pipeline, speed, steps);
    }

    private PipelineSpec pipeline(YamlNode node) throws LessonFileException {
        Map<String, YamlNode> entries = node.mapping(Set.of("sample", "inline"));
        if (entries.size() != 1) {
            throw node.error("give either 'sample: FILE' (a pipeline file) or 'inline:' (the pipeline itself)");
        }
        PipelineSpec spec;
        try {
            if (entries.containsKey("sample")) {
                YamlNode sample = entries.get("sample");
                Path path = (directory == null ? Path.of("") : directory).resolve(sample.text()).normalize();
                try {
                    spec = PipelineJson.read(path);
                } catch (PipelineException e) {
                    throw sample.error(String.join("; ", e.problems()));
                }
            } else {
                YamlNode inline = entries.get("inline");
                Object tree = inline.plain();
                if (tree instanceof Map<?, ?> map && !map.containsKey("format")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> withFormat = new LinkedHashMap<>((Map<String, Object>) map);
                    withFormat.put("format", (long) PipelineSpec.CURRENT_FORMAT);
                    tree = withFormat;
                }
                try {
                    spec = PipelineJson.parse("pipeline", new Gson().toJson(tree));
                } catch (PipelineException e) {
                    throw inline.error(String.join("; ", e.problems()));
                }
            }
            PipelineValidator.validate(spec);
        } catch (PipelineException e) {
            throw node.error(String.join("; ", e.problems()));
        }
        return spec;
    }

    private static PipelineSpec withCheckpointing(PipelineSpec spec, YamlNode node) throws LessonFileException {
        Object plain = node.plain();
        if (!(plain instanceof Map<?, ?> section)) {
            throw node.error("expected the checkpoint settings as a mapping (interval: 2s, unaligned: true, ...)");
        }
        Map<String, Object> merged = new LinkedHashMap<>(spec.checkpointing().written());
        section.forEach((k, v) -> merged.put((String) k, v));
        List<String> problems = CheckpointOptionsJson.problems(merged);
        if (!problems.isEmpty()) {
            throw node.error(String.join("; ", problems));
        }
        return new PipelineSpec(spec.format(), spec.name(), spec.operators(), spec.edges(), merged, spec.chaining());
    }

    private LessonStep step(YamlNode node, PipelineSpec pipeline) throws LessonFileException {
        Map<String, YamlNode> e = node.mapping(STEP);
        String id = require(node, e, "id").text();
        LocalizedText title = text(require(node, e, "title"));
        LocalizedText text = text(require(node, e, "text"));
        LocalizedText look = e.containsKey("look") ? text(e.get("look")) : null;
        LocalizedText action = e.containsKey("do") ? text(e.get("do")) : null;
        Highlight highlight = e.containsKey("highlight") ? highlight(e.get("highlight"), pipeline) : null;
        Question question = e.containsKey("question") ? question(e.get("question")) : null;
        StepCondition condition;
        if (e.containsKey("when")) {
            condition = StepConditionReader.read(e.get("when"), pipeline);
        } else if (question != null) {
            condition = new StepCondition.Answered();
        } else {
            throw node.error("step '" + id + "' needs 'when:' (the event that ends it; 'next' for the Next button)");
        }
        if (condition instanceof StepCondition.Answered && question == null) {
            throw e.get("when").error("'answer' needs a 'question:' in the same step");
        }
        LessonStep.Advance advance = e.containsKey("advance") ? advance(e.get("advance"))
                : LessonStep.Advance.defaultFor(action, question);
        return new LessonStep(id, title, text, look, action, highlight, condition, question, advance, node.line());
    }

    private static LessonStep.Advance advance(YamlNode node) throws LessonFileException {
        String value = node.text();
        for (LessonStep.Advance a : LessonStep.Advance.values()) {
            if (a.fileName().equals(value)) {
                return a;
            }
        }
        throw node.error("unknown value '" + value + "' (known: " + java.util.Arrays.stream(LessonStep.Advance.values())
                .map(LessonStep.Advance::fileName).collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    private LocalizedText text(YamlNode node) throws LessonFileException {
        Map<String, YamlNode> e = node.mapping(TEXT);
        return new LocalizedText(require(node, e, "en").text().strip(), require(node, e, "zh-CN").text().strip());
    }

    private Question question(YamlNode node) throws LessonFileException {
        Map<String, YamlNode> e = node.mapping(Set.of("choices", "answer", "explanation"));
        List<LocalizedText> choices = new ArrayList<>();
        for (YamlNode choice : require(node, e, "choices").sequence()) {
            choices.add(text(choice));
        }
        if (choices.size() < 2) {
            throw e.get("choices").error("a question needs at least two choices");
        }
        long answer = require(node, e, "answer").integer();
        if (answer < 1 || answer > choices.size()) {
            throw e.get("answer").error("answer must be the number of a choice, 1 to " + choices.size()
                    + ", was " + answer);
        }
        return new Question(choices, (int) answer - 1, text(require(node, e, "explanation")));
    }

    private Highlight highlight(YamlNode node, PipelineSpec pipeline) throws LessonFileException {
        Map<String, YamlNode> e = node.mapping(Set.of("operator", "subtask", "edge", "timeline", "tab"));
        if (e.containsKey("operator")) {
            String op = StepConditionReader.operator(e.get("operator"), pipeline);
            int subtask = -1;
            if (e.containsKey("subtask")) {
                subtask = (int) e.get("subtask").integer();
                int p = pipeline.operator(op).orElseThrow().parallelism();
                if (subtask < 0 || subtask >= p) {
                    throw e.get("subtask").error("'" + op + "' has subtasks 0 to " + (p - 1) + ", not " + subtask);
                }
            }
            return new Highlight.Operator(op, subtask);
        }
        if (e.containsKey("subtask")) {
            throw e.get("subtask").error("'subtask' needs 'operator'");
        }
        if (e.size() != 1) {
            throw node.error("give one of operator, edge, timeline, tab");
        }
        if (e.containsKey("edge")) {
            YamlNode edge = e.get("edge");
            String[] ends = edge.text().split("->");
            if (ends.length != 2) {
                throw edge.error("write an edge as 'from -> to', was '" + edge.text() + "'");
            }
            String from = ends[0].strip();
            String to = ends[1].strip();
            if (pipeline.edges().stream().noneMatch(x -> x.from().equals(from) && x.to().equals(to))) {
                throw edge.error("the pipeline has no edge " + from + " -> " + to);
            }
            return new Highlight.Edge(from, to);
        }
        if (e.containsKey("timeline")) {
            return new Highlight.Timeline();
        }
        String tab = e.get("tab").text().toLowerCase(Locale.ROOT);
        if (!TABS.contains(tab)) {
            throw e.get("tab").error("unknown tab '" + tab + "' (known: " + String.join(", ", TABS) + ")");
        }
        return new Highlight.Tab(tab);
    }

    static YamlNode require(YamlNode parent, Map<String, YamlNode> entries, String key)
            throws LessonFileException {
        YamlNode node = entries.get(key);
        if (node == null) {
            throw parent.error("'" + key + "' is missing");
        }
        return node;
    }
}
