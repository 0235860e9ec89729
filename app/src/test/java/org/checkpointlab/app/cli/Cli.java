package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.checkpointlab.app.Main;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/** Runs the command line in this JVM with captured stdout and stderr, and writes pipeline files for it. */
final class Cli {
    private Cli() {
    }

    /** The outcome of one command line. */
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Parses {@code out} strictly and checks that it holds one JSON object and nothing after it. */
    static JsonObject onlyJsonObject(String out) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(out));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element = JsonParser.parseReader(reader);
        assertThat(reader.peek()).as("anything after the JSON object").isEqualTo(JsonToken.END_DOCUMENT);
        assertThat(element.isJsonObject()).isTrue();
        return element.getAsJsonObject();
    }

    static Path write(Path dir, String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    /**
     * {@code numbers (sequence-source) -hash-> count (keyed-count) -forward-> sink (transactional-sink)}, all with
     * parallelism 2, {@code records} records over 50 keys, and the given {@code checkpointing} section (JSON).
     */
    static String keyedCountPipeline(long records, String checkpointing) {
        return keyedCountPipeline(records, 0, "transactional-sink", "forward", checkpointing);
    }

    /**
     * As {@link #keyedCountPipeline(long, String)} with a rate limit per source subtask ({@code 0} = none), the
     * sink's kind and the partitioning of the edge into the sink.
     */
    static String keyedCountPipeline(long records, long ratePerSecond, String sinkKind, String sinkEdge,
                                     String checkpointing) {
        return """
                {
                  "format": 1,
                  "name": "small keyed count",
                  "operators": [
                    {"id": "numbers", "kind": "sequence-source", "parallelism": 2,
                     "params": {"count": %d, "keys": 50, "ratePerSecond": %d}},
                    {"id": "count", "kind": "keyed-count", "parallelism": 2},
                    {"id": "sink", "kind": "%s", "parallelism": 2}
                  ],
                  "edges": [
                    {"from": "numbers", "to": "count", "partitioning": "hash"},
                    {"from": "count", "to": "sink", "partitioning": "%s"}
                  ],
                  "checkpointing": %s
                }
                """.formatted(records, ratePerSecond, sinkKind, sinkEdge, checkpointing);
    }
}
