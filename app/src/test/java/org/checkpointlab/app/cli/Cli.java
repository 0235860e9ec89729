package org.checkpointlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.checkpointlab.app.Main;

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

    static Path write(Path dir, String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    /**
     * {@code numbers (sequence-source) -hash-> count (keyed-count) -forward-> sink (transactional-sink)}, all with
     * parallelism 2, {@code records} records over 50 keys, and the given {@code checkpointing} section (JSON).
     */
    static String keyedCountPipeline(long records, String checkpointing) {
        return """
                {
                  "format": 1,
                  "name": "small keyed count",
                  "operators": [
                    {"id": "numbers", "kind": "sequence-source", "parallelism": 2,
                     "params": {"count": %d, "keys": 50}},
                    {"id": "count", "kind": "keyed-count", "parallelism": 2},
                    {"id": "sink", "kind": "transactional-sink", "parallelism": 2}
                  ],
                  "edges": [
                    {"from": "numbers", "to": "count", "partitioning": "hash"},
                    {"from": "count", "to": "sink", "partitioning": "forward"}
                  ],
                  "checkpointing": %s
                }
                """.formatted(records, checkpointing);
    }
}
