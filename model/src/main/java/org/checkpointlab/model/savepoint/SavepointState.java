package org.checkpointlab.model.savepoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.SavepointMetadata.OperatorEntry;
import org.checkpointlab.model.savepoint.SavepointMetadata.SubtaskEntry;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroupStateFormat;
import org.checkpointlab.model.state.KeyGroups;

/**
 * The keyed state of a savepoint (or retained checkpoint), decoded for reading: per operator and subtask the key
 * groups it holds and every entry of its keyed state, and a key lookup (which key group and subtask hold a key, at
 * the saved parallelism and at another, and its value). What Flink's State Processor API reads, as a browser and a
 * headless lookup; it reads the canonical key-group format ({@link KeyGroupStateFormat}) any backend writes, so it
 * depends on no engine. Immutable once read.
 */
public final class SavepointState {
    private final Savepoint savepoint;
    private final List<OperatorState> operators;

    private SavepointState(Savepoint savepoint, List<OperatorState> operators) {
        this.savepoint = savepoint;
        this.operators = List.copyOf(operators);
    }

    /** The state of one operator: each subtask with its key groups and entries. */
    public record OperatorState(String id, String kind, int parallelism, int maxParallelism, boolean keyed,
                                List<SubtaskState> subtasks) {
        public OperatorState {
            subtasks = List.copyOf(subtasks);
        }

        /** Every keyed-state entry of the operator, subtask by subtask, in key-group order. */
        public List<KeyedStateEntry> entries() {
            return subtasks.stream().flatMap(s -> s.entries().stream()).toList();
        }

        /** The number of distinct keys with state. */
        public long keyCount() {
            return subtasks.stream().mapToLong(SubtaskState::keyCount).sum();
        }
    }

    /**
     * One subtask's state: the key groups it holds (empty for an operator without keyed state), the sizes of its
     * keyed and operator state, and its keyed-state entries in key-group order.
     */
    public record SubtaskState(int index, KeyGroupRange keyGroups, long keyedBytes, long operatorBytes,
                               List<KeyedStateEntry> entries) {
        public SubtaskState {
            entries = List.copyOf(entries);
        }

        /** The number of distinct keys with state in this subtask. */
        public long keyCount() {
            return entries.stream().map(KeyedStateEntry::key).distinct().count();
        }
    }

    /**
     * Decodes every operator's keyed state.
     *
     * @throws SavepointException naming the operator, subtask and file when a keyed state file cannot be decoded
     */
    public static SavepointState of(Savepoint savepoint) throws SavepointException {
        Objects.requireNonNull(savepoint, "savepoint");
        List<OperatorState> operators = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (OperatorEntry op : savepoint.metadata().operators()) {
            List<SubtaskState> subtasks = new ArrayList<>();
            boolean keyed = false;
            for (SubtaskEntry s : op.subtasks().stream().sorted(Comparator.comparingInt(SubtaskEntry::index))
                    .toList()) {
                List<KeyedStateEntry> entries = new ArrayList<>();
                KeyGroupRange range = KeyGroupRange.empty();
                if (s.keyedFile() != null) {
                    keyed = true;
                    range = new KeyGroupRange(s.keyGroupStart(), s.keyGroupEnd());
                    try {
                        readEntries(keyedBytes(savepoint, op.id(), s.index()), s.index(), entries);
                    } catch (IOException e) {
                        problems.add("operator '" + op.id() + "' subtask " + s.index() + ": "
                                + (savepoint.directory() == null ? where(savepoint)
                                : savepoint.directory().resolve(s.keyedFile())) + ": " + e.getMessage());
                    }
                }
                subtasks.add(new SubtaskState(s.index(), range, s.keyedSize(), s.operatorSize(), entries));
            }
            operators.add(new OperatorState(op.id(), op.kind(), op.parallelism(), op.maxParallelism(), keyed,
                    subtasks));
        }
        if (!problems.isEmpty()) {
            throw new SavepointException(problems);
        }
        return new SavepointState(savepoint, operators);
    }

    /**
     * The keyed state of a checkpoint held in memory (the running job's latest completed one), read as a savepoint
     * of {@code pipeline} would be; its {@link Savepoint#directory()} is {@code null}.
     */
    public static SavepointState ofCheckpoint(CompletedCheckpoint checkpoint, PipelineSpec pipeline)
            throws SavepointException {
        SavepointMetadata metadata = SavepointWriter.metadata(checkpoint, pipeline,
                checkpoint.savepoint() ? "savepoint" : "checkpoint");
        return of(new Savepoint(null, metadata, checkpoint));
    }

    /** The directory read, or for a checkpoint in memory its number. */
    private static String where(Savepoint savepoint) {
        return savepoint.directory() != null ? savepoint.directory().toString()
                : "checkpoint " + savepoint.metadata().checkpointId() + " of the running job";
    }

    public Savepoint savepoint() {
        return savepoint;
    }

    /** The operators, in the savepoint's order. */
    public List<OperatorState> operators() {
        return operators;
    }

    public Optional<OperatorState> operator(String id) {
        return operators.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /**
     * Where {@code keyText} (the key as text: a word, or a number for numeric keys) lives in the keyed state of
     * {@code operatorId}, and at which subtask it would be restored with {@code newParallelism} (null: not asked).
     *
     * @throws StateLookupException when the operator is unknown or has no keyed state, the key has no state in it,
     *                              or {@code newParallelism} is below 1 or above the operator's max parallelism
     */
    public KeyLocation locate(String operatorId, String keyText, Integer newParallelism) throws StateLookupException {
        OperatorState op = keyedOperator(operatorId);
        if (newParallelism != null && (newParallelism < 1 || newParallelism > op.maxParallelism())) {
            throw new StateLookupException("parallelism " + newParallelism + " is outside 1.." + op.maxParallelism()
                    + ", the max parallelism of operator '" + operatorId + "' in the savepoint");
        }
        List<KeyedStateEntry> values = op.entries().stream().filter(e -> e.keyText().equals(keyText))
                .sorted(Comparator.comparing(KeyedStateEntry::state)).toList();
        if (values.isEmpty()) {
            throw new StateLookupException("key '" + keyText + "' has no state in operator '" + operatorId + "' ("
                    + op.keyCount() + " keys" + examples(op) + ")");
        }
        KeyedStateEntry first = values.get(0);
        int keyGroup = KeyGroups.assignToKeyGroup(first.key(), op.maxParallelism());
        Integer newSubtask = newParallelism == null ? null
                : KeyGroups.operatorIndexForKeyGroup(op.maxParallelism(), newParallelism, keyGroup);
        return new KeyLocation(operatorId, first.key(), keyGroup, op.maxParallelism(), op.parallelism(),
                first.subtask(), newParallelism, newSubtask, values);
    }

    /**
     * The keyed operator {@code operatorId}.
     *
     * @throws StateLookupException when there is no such operator, or it has no keyed state (naming those that do)
     */
    public OperatorState keyedOperator(String operatorId) throws StateLookupException {
        OperatorState op = operator(operatorId).orElseThrow(() -> new StateLookupException("there is no operator '"
                + operatorId + "' in " + where(savepoint) + " (operators: " + String.join(", ",
                operators.stream().map(OperatorState::id).toList()) + ")"));
        if (!op.keyed()) {
            throw new StateLookupException("operator '" + operatorId + "' (" + op.kind() + ") has no keyed state; "
                    + "keyed operators: " + keyedOperatorNames());
        }
        return op;
    }

    private String keyedOperatorNames() {
        List<String> keyed = operators.stream().filter(OperatorState::keyed).map(OperatorState::id).toList();
        return keyed.isEmpty() ? "none" : String.join(", ", keyed);
    }

    private static String examples(OperatorState op) {
        List<String> some = op.entries().stream().map(KeyedStateEntry::keyText).distinct().limit(5).toList();
        return some.isEmpty() ? "" : ", e.g. " + String.join(", ", some);
    }

    private static byte[] keyedBytes(Savepoint savepoint, String operatorId, int subtask) throws IOException {
        for (TaskStateSnapshot task : savepoint.state().tasks().values()) {
            for (OperatorSubtaskState s : task.operators()) {
                if (s.operatorId().equals(operatorId) && s.subtaskIndex() == subtask && s.keyedState() != null) {
                    return s.keyedState().read();
                }
            }
        }
        throw new IOException("the savepoint holds no keyed state for it");
    }

    private static void readEntries(byte[] blob, int subtask, List<KeyedStateEntry> into) throws IOException {
        KeyGroupStateFormat.Reader reader = KeyGroupStateFormat.reader(blob);
        KeyGroupRange range = reader.keyGroupRange();
        for (int g = range.start(); g <= range.end() && range.size() > 0; g++) {
            reader.readKeyGroup(g, (keyGroup, state, kind, key, value) ->
                    into.add(new KeyedStateEntry(subtask, keyGroup, state, kind, key, value)));
        }
    }
}
