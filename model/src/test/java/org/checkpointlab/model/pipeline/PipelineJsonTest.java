package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineJsonTest {

    private static final String FULL = """
            {"format": 1, "name": "Word count", "chaining": false,
             "operators": [{"id": "words", "name": "Sentences", "kind": "sentence-source", "parallelism": 2,
                            "maxParallelism": 64, "params": {"count": 1000, "seed": 7}},
                           {"id": "out", "kind": "collect-sink", "parallelism": 1}],
             "edges": [{"from": "words", "to": "out", "partitioning": "rebalance"}],
             "checkpointing": {"interval": "1s", "mode": "exactly-once", "unaligned": false}}
            """;

    @TempDir
    Path dir;

    private static PipelineSpec parse(String json) throws PipelineException {
        return PipelineJson.parse("test.json", json);
    }

    private static List<String> problemsOf(String json) {
        try {
            PipelineJson.parse("test.json", json);
        } catch (PipelineException e) {
            return e.problems();
        }
        throw new AssertionError("expected a PipelineException for:\n" + json);
    }

    /** A minimal valid file with {@code operator} as its only operator. */
    private static String withOperator(String operator) {
        return "{\"format\": 1, \"name\": \"p\", \"operators\": [" + operator + "], \"edges\": []}";
    }

    @Test
    void parse_readsEveryField() throws PipelineException {
        PipelineSpec p = parse(FULL);

        assertThat(p.format()).isEqualTo(1);
        assertThat(p.name()).isEqualTo("Word count");
        assertThat(p.chaining()).isFalse();
        assertThat(p.operators()).containsExactly(
                new OperatorSpec("words", "Sentences", "sentence-source", 2, 64, Map.of("count", 1000L, "seed", 7L)),
                new OperatorSpec("out", "out", "collect-sink", 1, null, Map.of()));
        assertThat(p.edges()).containsExactly(new EdgeSpec("words", "out", Partitioning.REBALANCE));
        assertThat(p.checkpointing().written()).isEqualTo(Map.of("interval", "1s", "mode", "exactly-once",
                "unaligned", false));
    }

    @Test
    void parse_fillsDefaultsForOptionalFields() throws PipelineException {
        PipelineSpec p = parse(withOperator("{\"id\": \"src\", \"kind\": \"sequence-source\", \"parallelism\": 1}"));

        assertThat(p.chaining()).isTrue();
        assertThat(p.checkpointing().isEmpty()).isTrue();
        OperatorSpec op = p.operators().get(0);
        assertThat(op.name()).isEqualTo("src");
        assertThat(op.maxParallelism()).isNull();
        assertThat(op.params()).isEmpty();
    }

    @Test
    void parse_turnsIntegralNumbersIntoLongAndOthersIntoDouble() throws PipelineException {
        PipelineSpec p = parse(withOperator("{\"id\": \"m\", \"kind\": \"map\", \"parallelism\": 1, \"params\": "
                + "{\"a\": 3, \"b\": 2.0, \"c\": 1.5, \"d\": 1e3, \"e\": -7, \"f\": 1e30}}"));

        assertThat(p.operators().get(0).params()).isEqualTo(Map.of("a", 3L, "b", 2L, "c", 1.5, "d", 1000L,
                "e", -7L, "f", 1e30));
    }

    @Test
    void parse_doesNotValidateSemantics() throws PipelineException {
        PipelineSpec p = parse(withOperator("{\"id\": \"x\", \"kind\": \"no-such-kind\", \"parallelism\": -4}"));

        assertThat(p.operators().get(0).kind()).isEqualTo("no-such-kind");
        assertThat(PipelineValidator.problems(p)).isNotEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        // a missing comma: the position is the second name's opening quote
        "{\\n  \"format\": 1,\\n  \"name\": \"x\" \"operators\": []\\n}"
                + " | line 3, column 15: expected ',' or '}' after a field | missing comma",
        "{\\n  \"format\": 1,\\n  \"name\": 'x'\\n}"
                + " | line 3, column 11: not valid JSON here (names and strings need double quotes; comments, "
                + "single quotes, trailing commas and NaN are not allowed) | single quotes",
        "{\\n  \"format\": 1,\\n  \"name\": \"x\",\\n}"
                + " | line 4, column 1: expected a field name in double quotes | trailing comma",
        "{\\n  \"format\": 1,\\n  \"format\": 1\\n}"
                + " | line 3, column 3: \"format\" appears twice in the same object | duplicate name",
        "{\\n  \"format\": 1,\\n  \"operators\": [\\n"
                + " | line 4, column 1: the file ends too early (a bracket, brace or quote is not closed) | truncated",
        "{\"format\": 1, // comment\\n}"
                + " | line 1, column 15: not valid JSON here (names and strings need double quotes; comments, "
                + "single quotes, trailing commas and NaN are not allowed) | comment",
        "'  \\n '"
                + " | line 1, column 1: the file is empty | empty",
        "{\"format\": 1}\\n{}"
                + " | line 2, column 1: not valid JSON here (names and strings need double quotes; comments, "
                + "single quotes, trailing commas and NaN are not allowed) | two top-level values",
        "{\"format\": 1, \"name\": 1e999}"
                + " | line 1, column 23: the number 1e999 is too large | huge number",
        "{\"format\": 1,\\n  \"name\": x}"
                + " | line 2, column 11: not valid JSON here (names and strings need double quotes; comments, "
                + "single quotes, trailing commas and NaN are not allowed) | unquoted value",
        "{\"format\": 1, \"operators\": [1,, 2]}"
                + " | line 1, column 31: not valid JSON here (names and strings need double quotes; comments, "
                + "single quotes, trailing commas and NaN are not allowed) | double comma",
        "{\"format\": 1, name: 2}"
                + " | line 1, column 15: not valid JSON here (names and strings need double quotes; comments, "
                + "single quotes, trailing commas and NaN are not allowed) | unquoted name",
        "{\"format\": 1, \"name\" \"x\"}"
                + " | line 1, column 22: expected ':' after the field name | missing colon",
    })
    void malformedJson_isReportedWithSourceLineAndColumn(String json, String expected, String caseName) {
        String text = json.replace("\\n", "\n");

        assertThat(problemsOf(text)).containsExactly("test.json: " + expected);
    }

    @Test
    void wrongTypes_nameTheOperatorAndField() {
        String json = """
                {"format": 1, "name": "p", "operators": [
                  {"id": "split", "kind": "flat-map-words", "parallelism": "two", "maxParallelism": 1.5,
                   "name": 7, "params": [1]},
                  {"id": 12, "kind": "map", "parallelism": 1}],
                 "edges": [{"from": "split", "to": "x", "partitioning": 3}], "chaining": "yes"}
                """;

        assertThat(problemsOf(json)).containsExactly(
                "test.json: \"chaining\" must be true or false, was \"yes\"",
                "test.json: operator 'split': \"name\" must be text, was 7",
                "test.json: operator 'split': \"parallelism\" must be a whole number, was \"two\"",
                "test.json: operator 'split': \"maxParallelism\" must be a whole number, was 1.5",
                "test.json: operator 'split': \"params\" must be an object, was an array",
                "test.json: operator #2: \"id\" must be text, was 12",
                "test.json: edge split -> x: \"partitioning\" must be text, was 3");
    }

    @Test
    void unknownFields_areErrorsNamingWhereTheyAre() {
        String json = """
                {"format": 1, "name": "p", "description": "typo'd",
                 "operators": [{"id": "a", "kind": "map", "paralelism": 1}],
                 "edges": [{"from": "a", "to": "b", "partitoning": "hash"}]}
                """;

        assertThat(problemsOf(json)).containsExactly(
                "test.json: unknown field \"description\" (known fields: format, name, chaining, operators, edges, "
                        + "checkpointing, layout)",
                "test.json: operator 'a': unknown field \"paralelism\" (known fields: id, name, kind, parallelism, "
                        + "maxParallelism, params)",
                "test.json: operator 'a': missing field \"parallelism\"",
                "test.json: edge a -> b: unknown field \"partitoning\" (known fields: from, to, partitioning)",
                "test.json: edge a -> b: missing field \"partitioning\"");
    }

    @Test
    void unknownPartitioning_isReportedForTheEdge() {
        String json = "{\"format\": 1, \"name\": \"p\", \"operators\": [], "
                + "\"edges\": [{\"from\": \"a\", \"to\": \"b\", \"partitioning\": \"keyBy\"}]}";

        assertThat(problemsOf(json)).containsExactly("test.json: edge a -> b: unknown partitioning 'keyBy' "
                + "(expected forward, hash, rebalance or broadcast)");
    }

    @Test
    void missingRequiredFields_areReported() {
        assertThat(problemsOf("{\"format\": 1}")).containsExactly(
                "test.json: missing field \"name\"",
                "test.json: missing field \"operators\"",
                "test.json: missing field \"edges\"");
        assertThat(problemsOf(withOperator("{\"parallelism\": 1}"))).containsExactly(
                "test.json: operator #1: missing field \"id\"",
                "test.json: operator #1: missing field \"kind\"");
    }

    @Test
    void unsupportedFormat_namesTheVersionFoundAndTheSupportedOne() {
        assertThat(problemsOf("{\"format\": 2, \"whatever\": true}"))
                .containsExactly("test.json: unsupported format 2; this version reads format 1 only");
        assertThat(problemsOf("{\"name\": \"p\"}"))
                .containsExactly("test.json: missing field \"format\" (this version reads format 1)");
    }

    @Test
    void aFileThatIsNotAnObject_isRejected() {
        assertThat(problemsOf("[1, 2]"))
                .containsExactly("test.json: a pipeline file holds one JSON object, found an array");
    }

    @Test
    void nullAndNestedParameterValues_areRejectedNamingTheParameter() {
        String json = withOperator("{\"id\": \"m\", \"kind\": \"map\", \"parallelism\": 1, "
                + "\"params\": {\"add\": null, \"multiply\": {\"by\": 2}}}");

        assertThat(problemsOf(json)).containsExactly(
                "test.json: operator 'm': parameter 'add' is null; leave it out to use the default",
                "test.json: operator 'm': parameter 'multiply' must be a number, text or true/false, was an object");
    }

    @Test
    void checkpointingNullInterval_meansOff() throws PipelineException {
        String json = "{\"format\": 1, \"name\": \"p\", \"operators\": [], \"edges\": [], "
                + "\"checkpointing\": {\"interval\": null, \"directory\": null}}";

        assertThat(parse(json).checkpointing().written()).isEqualTo(Map.of("interval", "off"));
    }

    @Test
    void toJson_thenParse_givesAnEqualPipeline() throws PipelineException {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("interval", "500ms");
        section.put("retained", 3L);
        section.put("unaligned", true);
        PipelineSpec p = new PipelineSpec(1, "All \"features\" ü", List.of(
                new OperatorSpec("src", "Numbers", "sequence-source", 3, 300, Map.of("count", 0L, "keys", 10L)),
                new OperatorSpec("m", null, "map", 3, null, Map.of("multiply", -2L)),
                new OperatorSpec("x", "Unknown kind keeps its params", "custom", 3, null,
                        Map.of("ratio", 0.25, "label", "a/b", "on", true)),
                new OperatorSpec("sink", "Out", "transactional-sink", 1, null, Map.of("path", "out/dir"))),
                List.of(new EdgeSpec("src", "m", Partitioning.FORWARD), new EdgeSpec("m", "x", Partitioning.BROADCAST),
                        new EdgeSpec("x", "sink", Partitioning.REBALANCE)),
                section, false);

        assertThat(PipelineJson.parse("round-trip", PipelineJson.toJson(p))).isEqualTo(p);
    }

    @Test
    void toJson_writesAStableReadableLayout() throws PipelineException {
        PipelineSpec p = new PipelineSpec(1, "Small", List.of(
                new OperatorSpec("src", "Numbers", "sequence-source", 1, null,
                        Map.of("ratePerSecond", 5L, "keys", 2.0, "count", 10L)),
                new OperatorSpec("out", null, "discard-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("src", "out", Partitioning.FORWARD)),
                Map.of("mode", "at-least-once", "interval", "2s"), true);

        assertThat(PipelineJson.toJson(p)).isEqualTo("""
                {
                  "format": 1,
                  "name": "Small",
                  "chaining": true,
                  "operators": [
                    {
                      "id": "src",
                      "name": "Numbers",
                      "kind": "sequence-source",
                      "parallelism": 1,
                      "params": {"count": 10, "keys": 2, "ratePerSecond": 5}
                    },
                    {
                      "id": "out",
                      "name": "out",
                      "kind": "discard-sink",
                      "parallelism": 1
                    }
                  ],
                  "edges": [
                    {"from": "src", "to": "out", "partitioning": "forward"}
                  ],
                  "checkpointing": {"interval": "2s", "mode": "at-least-once"}
                }
                """);
    }

    @Test
    void toJson_refusesAParameterThatJsonCannotHold_namingIt() {
        PipelineSpec p = new PipelineSpec(1, "p", List.of(
                new OperatorSpec("m", null, "map", 1, null, Map.of("add", Double.NaN))), List.of(), Map.of(), true);

        assertThatThrownBy(() -> PipelineJson.toJson(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator 'm': 'add' must be a finite number, was NaN");
    }

    @Test
    void write_thenRead_givesAnEqualPipeline_andReplacesTheFileAtomically() throws Exception {
        PipelineSpec p = parse(FULL);
        Path file = dir.resolve("pipeline.json");
        Files.writeString(file, "old");

        PipelineJson.write(p, file);

        assertThat(PipelineJson.read(file)).isEqualTo(p);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void read_reportsAMissingFileByName() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> PipelineJson.read(missing))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("nope.json: file not found (")
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void read_reportsADirectory() {
        assertThatThrownBy(() -> PipelineJson.read(dir))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("is a directory, not a pipeline file");
    }

    @Test
    void read_reportsTextThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', (byte) 0xE9, '}'});

        assertThatThrownBy(() -> PipelineJson.read(file))
                .isInstanceOf(PipelineException.class)
                .hasMessage("latin1.json: not a UTF-8 text file");
    }

    @Test
    void read_startsEveryProblemWithTheFileName() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n \"format\": 1,\n \"name\": x\n}");

        assertThatThrownBy(() -> PipelineJson.read(file))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("broken.json: line 3, column 10: ");
    }

    @Test
    void layout_isWrittenAfterTheOtherSections_andReadBack_toATenthOfAPixel() throws Exception {
        PipelineSpec spec = parse(FULL);
        Map<String, CardPosition> layout = new LinkedHashMap<>();
        layout.put("out", new CardPosition(420.04, -30));
        layout.put("words", new CardPosition(40, 120.25));
        Path file = dir.resolve("arranged.json");

        PipelineJson.write(spec, layout, file);
        PipelineFile read = PipelineJson.readFile(file);

        assertThat(read.spec()).isEqualTo(spec);
        assertThat(read.layout()).containsExactly(Map.entry("words", new CardPosition(40, 120.3)),
                Map.entry("out", new CardPosition(420, -30)));
        assertThat(Files.readString(file)).contains("\"layout\": {\n    \"words\": {\"x\": 40, \"y\": 120.3},");
        assertThat(PipelineJson.read(file)).as("the engine reads the same pipeline").isEqualTo(spec);
    }

    @Test
    void aFileWithoutLayout_hasAnEmptyOne_andAnEmptyLayoutWritesNone() throws Exception {
        assertThat(PipelineJson.parseFile("test.json", FULL).layout()).isEmpty();
        assertThat(PipelineJson.toJson(parse(FULL), Map.of())).doesNotContain("layout")
                .isEqualTo(PipelineJson.toJson(parse(FULL)));
    }

    @Test
    void aBadLayout_namesTheOperatorAndWhatIsWrong() {
        String json = FULL.strip();
        json = json.substring(0, json.length() - 1) + """
                , "layout": {"words": {"x": "left", "y": 3}, "ghost": {"x": 1, "y": 2},
                             "out": {"x": 1, "y": 2, "z": 0}}}
                """;

        assertThat(problemsOf(json)).containsExactly(
                "test.json: layout: 'words': \"x\" must be a number, was \"left\"",
                "test.json: layout: 'ghost': no operator has this id",
                "test.json: layout: 'out': unknown field \"z\" (known fields: x, y)");
    }
}
