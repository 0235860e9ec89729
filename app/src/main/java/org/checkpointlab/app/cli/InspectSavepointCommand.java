package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.savepoint.SavepointMetadata.InFlightEntry;
import org.checkpointlab.model.savepoint.SavepointMetadata.OperatorEntry;
import org.checkpointlab.model.savepoint.SavepointMetadata.SubtaskEntry;
import org.checkpointlab.model.savepoint.SavepointReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code checkpoint-lab inspect-savepoint DIR [--json]}: reads and verifies a savepoint (or retained checkpoint)
 * and prints what it holds: type, checkpoint id, time, and per operator its kind, parallelism, max parallelism and
 * per subtask the key-group range and state sizes; for a retained unaligned checkpoint also the persisted
 * in-flight data. With {@code --operator OP --key K [--parallelism N]} it looks a key up instead
 * ({@link KeyLookup}). A missing, incomplete or corrupt savepoint gives the reader's problems, each naming the file,
 * with exit code {@link ExitCodes#BAD_INPUT}.
 */
@Command(name = "inspect-savepoint", sortOptions = false,
        description = "Show what a savepoint or retained checkpoint holds: operators, parallelism, max "
                + "parallelism, key-group ranges and state sizes per subtask; with --operator and --key, where a "
                + "key's state lives and its value.")
final class InspectSavepointCommand implements Callable<Integer> {

    @Mixin
    private CommandOutput command;

    @Parameters(index = "0", paramLabel = "DIR", description = "The savepoint directory (holds _metadata.json).")
    private Path directory;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    private boolean json;

    @Option(names = "--operator", paramLabel = "OP",
            description = "A keyed operator: with --key, look the key up; alone, list its keyed state.")
    private String operator;

    @Option(names = "--key", paramLabel = "K",
            description = "With --operator: print the key's key group, the subtask holding it and its value.")
    private String key;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "With --key: also the subtask that would hold the key when restored at parallelism N.")
    private Integer parallelism;

    @Override
    public Integer call() {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        Savepoint savepoint;
        try {
            savepoint = SavepointReader.read(directory);
        } catch (SavepointException e) {
            return command.badInput(e.problems());
        }
        if (operator != null || key != null || parallelism != null) {
            return KeyLookup.run(savepoint, operator, key, parallelism, json, out, err, command.name());
        }
        if (json) {
            out.println(CliJson.print(toJson(savepoint)));
        } else {
            print(savepoint, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(Savepoint savepoint, PrintWriter out) {
        SavepointMetadata m = savepoint.metadata();
        out.println(capitalized(m.type()) + " " + savepoint.directory());
        out.println("Checkpoint id: " + m.checkpointId());
        out.println("Taken: " + Instant.ofEpochMilli(m.timestamp()));
        out.println("Pipeline: " + m.pipelineName());
        out.println("State size: " + Formats.bytes(m.stateSize()));
        out.println();
        Table ops = new Table("LLRR", "operator", "kind", "parallelism", "max parallelism");
        for (OperatorEntry o : m.operators()) {
            ops.row(o.id(), o.kind(), String.valueOf(o.parallelism()), String.valueOf(o.maxParallelism()));
        }
        ops.print(out);
        out.println();
        Table subtasks = new Table("LRLRR", "operator", "subtask", "key groups", "keyed state", "operator state");
        for (OperatorEntry o : m.operators()) {
            for (SubtaskEntry s : o.subtasks()) {
                subtasks.row(o.id(), String.valueOf(s.index()),
                        s.keyedFile() == null ? "-" : s.keyGroupStart() + "-" + s.keyGroupEnd(),
                        s.keyedFile() == null ? "-" : Formats.bytes(s.keyedSize()), Formats.bytes(s.operatorSize()));
            }
        }
        subtasks.print(out);
        if (m.inFlight() != null && !m.inFlight().isEmpty()) {
            out.println();
            out.println("In-flight data (persisted by unaligned checkpoints, replayed on restore):");
            Table inFlight = new Table("LLLR", "channel", "side", "file", "size");
            for (InFlightEntry e : m.inFlight()) {
                inFlight.row(e.channel(), e.side(), e.file(), Formats.bytes(e.size()));
            }
            inFlight.print(out);
        }
    }

    static JsonObject toJson(Savepoint savepoint) {
        SavepointMetadata m = savepoint.metadata();
        JsonObject root = new JsonObject();
        root.addProperty("directory", savepoint.directory().toString());
        root.addProperty("type", m.type());
        root.addProperty("checkpointId", m.checkpointId());
        root.addProperty("timestamp", m.timestamp());
        root.addProperty("pipelineName", m.pipelineName());
        root.addProperty("stateSizeBytes", m.stateSize());
        root.add("operators", CliJson.array(m.operators(), InspectSavepointCommand::operator));
        root.add("inFlight", m.inFlight() == null ? new JsonArray()
                : CliJson.array(m.inFlight(), InspectSavepointCommand::inFlight));
        return root;
    }

    private static JsonObject operator(OperatorEntry o) {
        JsonObject op = new JsonObject();
        op.addProperty("id", o.id());
        op.addProperty("kind", o.kind());
        op.addProperty("parallelism", o.parallelism());
        op.addProperty("maxParallelism", o.maxParallelism());
        op.add("subtasks", CliJson.array(o.subtasks(), InspectSavepointCommand::subtask));
        return op;
    }

    private static JsonObject subtask(SubtaskEntry s) {
        boolean keyed = s.keyedFile() != null;
        JsonObject st = new JsonObject();
        st.addProperty("index", s.index());
        st.addProperty("keyGroupStart", keyed ? s.keyGroupStart() : null);
        st.addProperty("keyGroupEnd", keyed ? s.keyGroupEnd() : null);
        st.addProperty("keyedStateBytes", keyed ? s.keyedSize() : null);
        st.addProperty("operatorStateBytes", s.operatorSize());
        return st;
    }

    private static JsonObject inFlight(InFlightEntry e) {
        JsonObject o = new JsonObject();
        o.addProperty("channel", e.channel());
        o.addProperty("side", e.side());
        o.addProperty("file", e.file());
        o.addProperty("sizeBytes", e.size());
        return o;
    }

    private static String capitalized(String type) {
        return type == null || type.isEmpty() ? "Savepoint" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
