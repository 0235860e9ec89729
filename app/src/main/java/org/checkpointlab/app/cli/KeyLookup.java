package org.checkpointlab.app.cli;

import java.io.PrintWriter;

import org.checkpointlab.model.savepoint.KeyLocation;
import org.checkpointlab.model.savepoint.KeyedStateEntry;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointState;
import org.checkpointlab.model.savepoint.SavepointState.OperatorState;
import org.checkpointlab.model.savepoint.StateLookupException;

import com.google.gson.JsonObject;

/**
 * {@code inspect-savepoint DIR --operator OP --key K [--parallelism N] [--json]}: where a key's state lives in a
 * savepoint (its key group, the subtask holding it at the saved parallelism and at N) and its value; with
 * {@code --operator} alone, every keyed-state entry of the operator. A lookup that cannot be answered (unknown
 * operator, an operator without keyed state, a key without state, N beyond the max parallelism, a missing flag)
 * exits {@link ExitCodes#BAD_INPUT} with one line saying why.
 */
final class KeyLookup {
    private KeyLookup() {
    }

    static int run(Savepoint savepoint, String operator, String key, Integer parallelism, boolean json,
                   PrintWriter out, PrintWriter err, String command) {
        try {
            if (operator == null) {
                throw new StateLookupException("--key and --parallelism need --operator OP (a keyed operator)");
            }
            if (parallelism != null && key == null) {
                throw new StateLookupException("--parallelism needs --key K");
            }
            SavepointState state = SavepointState.of(savepoint);
            if (key == null) {
                printEntries(state.keyedOperator(operator), json, out);
            } else {
                KeyLocation location = state.locate(operator, key, parallelism);
                if (json) {
                    out.println(CliJson.print(toJson(location)));
                } else {
                    print(location, out);
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (StateLookupException e) {
            err.println(command + ": " + e.getMessage());
        } catch (SavepointException e) {
            e.problems().forEach(p -> err.println(command + ": " + p));
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    static void print(KeyLocation l, PrintWriter out) {
        out.println("Operator: " + l.operatorId());
        out.println("Key: " + l.key());
        out.println("Key group: " + l.keyGroup() + " of " + l.maxParallelism() + " (max parallelism)");
        out.println("Subtask at parallelism " + l.savedParallelism() + " (saved): " + l.savedSubtask());
        if (l.newParallelism() != null) {
            out.println("Subtask at parallelism " + l.newParallelism() + ": " + l.newSubtask());
        }
        for (KeyedStateEntry e : l.values()) {
            out.println("Value: " + e.state() + " = " + e.value());
        }
    }

    static JsonObject toJson(KeyLocation l) {
        JsonObject o = new JsonObject();
        o.addProperty("operator", l.operatorId());
        o.addProperty("key", String.valueOf(l.key()));
        o.addProperty("keyGroup", l.keyGroup());
        o.addProperty("maxParallelism", l.maxParallelism());
        o.addProperty("savedParallelism", l.savedParallelism());
        o.addProperty("savedSubtask", l.savedSubtask());
        o.addProperty("parallelism", l.newParallelism());
        o.addProperty("subtask", l.newSubtask());
        o.add("values", CliJson.array(l.values(), KeyLookup::value));
        return o;
    }

    private static JsonObject value(KeyedStateEntry e) {
        JsonObject v = new JsonObject();
        v.addProperty("state", e.state());
        v.addProperty("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        v.addProperty("value", String.valueOf(e.value()));
        return v;
    }

    private static JsonObject entry(KeyedStateEntry e) {
        JsonObject o = new JsonObject();
        o.addProperty("subtask", e.subtask());
        o.addProperty("keyGroup", e.keyGroup());
        o.addProperty("key", e.keyText());
        o.addProperty("state", e.state());
        o.addProperty("value", String.valueOf(e.value()));
        return o;
    }

    private static void printEntries(OperatorState op, boolean json, PrintWriter out) {
        if (json) {
            JsonObject root = new JsonObject();
            root.addProperty("operator", op.id());
            root.add("entries", CliJson.array(op.entries(), KeyLookup::entry));
            out.println(CliJson.print(root));
            return;
        }
        Table t = new Table("RRLLL", "subtask", "key group", "key", "state", "value");
        for (KeyedStateEntry e : op.entries()) {
            t.row(String.valueOf(e.subtask()), String.valueOf(e.keyGroup()), e.keyText(), e.state(),
                    String.valueOf(e.value()));
        }
        t.print(out);
    }
}
