package org.checkpointlab.model.savepoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.state.ByteStateHandle;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.StateRecord;
import org.checkpointlab.model.state.StateSerializer;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Reads and verifies a savepoint (or retained checkpoint) directory: the metadata must parse and be of a known
 * format, and every state file must exist with the size and CRC32 the metadata records. All problems are reported
 * at once, each naming the directory and file. The state is loaded into memory, so a restore never reads a file
 * that changed after the check.
 */
public final class SavepointReader {
    private SavepointReader() {
    }

    public static Savepoint read(Path directory) throws SavepointException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new SavepointException(SavepointProblem.of(SavepointProblem.Kind.DOES_NOT_EXIST, dir), null);
        }
        if (!Files.isDirectory(dir)) {
            throw new SavepointException(SavepointProblem.of(SavepointProblem.Kind.IS_A_FILE, dir), null);
        }
        Path metaFile = dir.resolve(SavepointMetadata.FILE_NAME);
        if (!Files.exists(metaFile)) {
            boolean checkpoint = Files.exists(dir.resolve("chk-1")) || dir.getFileName().toString().startsWith("chk-");
            throw new SavepointException(SavepointProblem.of(checkpoint ? SavepointProblem.Kind.NO_METADATA_CHECKPOINT
                    : SavepointProblem.Kind.NO_METADATA, dir, SavepointMetadata.FILE_NAME), null);
        }
        SavepointMetadata metadata;
        try {
            metadata = new Gson().fromJson(Files.readString(metaFile), SavepointMetadata.class);
        } catch (IOException e) {
            throw new SavepointException(SavepointProblem.of(SavepointProblem.Kind.CANNOT_READ, metaFile,
                    e.getMessage()), e);
        } catch (JsonParseException e) {
            throw new SavepointException(SavepointProblem.of(SavepointProblem.Kind.CORRUPT, metaFile, e.getMessage()),
                    e);
        }
        if (metadata == null) {
            throw new SavepointException(SavepointProblem.of(SavepointProblem.Kind.EMPTY, metaFile), null);
        }
        if (metadata.format() != SavepointMetadata.FORMAT) {
            throw new SavepointException(metaFile + ": unknown savepoint format " + metadata.format()
                    + " (this version reads format " + SavepointMetadata.FORMAT + ")");
        }
        if (metadata.operators() == null) {
            throw new SavepointException(metaFile + " is corrupt: it lists no operators");
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<OperatorSubtaskState>> byTask = new HashMap<>();
        for (SavepointMetadata.OperatorEntry op : metadata.operators()) {
            for (SavepointMetadata.SubtaskEntry s : op.subtasks()) {
                byte[] keyed = s.keyedFile() == null ? null
                        : load(dir, s.keyedFile(), s.keyedSize(), s.keyedCrc32(), problems);
                byte[] operator = load(dir, s.operatorFile(), s.operatorSize(), s.operatorCrc32(), problems);
                KeyGroupRange range = s.keyedFile() == null ? KeyGroupRange.empty()
                        : new KeyGroupRange(s.keyGroupStart(), s.keyGroupEnd());
                byTask.computeIfAbsent(op.id() + "#" + s.index(), k -> new ArrayList<>()).add(
                        new OperatorSubtaskState(op.id(), s.index(), op.parallelism(), range,
                                keyed == null ? null : new ByteStateHandle(keyed),
                                operator == null ? null : new ByteStateHandle(operator)));
            }
        }
        List<SavepointMetadata.InFlightEntry> inFlight = metadata.inFlight() == null ? List.of()
                : metadata.inFlight();
        Map<String, List<StreamRecord>> inputRecords = new HashMap<>();
        Map<String, List<StreamRecord>> outputRecords = new HashMap<>();
        for (SavepointMetadata.InFlightEntry e : inFlight) {
            byte[] bytes = load(dir, e.file(), e.size(), e.crc32(), problems);
            if (bytes == null) {
                continue;
            }
            try {
                List<StreamRecord> records = new ArrayList<>();
                for (Object o : (List<?>) StateSerializer.fromBytes(bytes)) {
                    StateRecord r = (StateRecord) o;
                    records.add(new StreamRecord(r.key(), r.value(), r.seq()));
                }
                ("input".equals(e.side()) ? inputRecords : outputRecords).put(e.channel(), records);
            } catch (IOException | ClassCastException ex) {
                problems.add(dir.resolve(e.file()) + " is corrupt: " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SavepointException(problems);
        }
        Map<String, TaskStateSnapshot> tasks = new HashMap<>();
        byTask.forEach((key, states) -> tasks.put(key, new TaskStateSnapshot(states, Map.of(), Map.of())));
        if (!inputRecords.isEmpty() || !outputRecords.isEmpty()) {
            tasks.put("in-flight", new TaskStateSnapshot(List.of(), inputRecords, outputRecords));
        }
        CompletedCheckpoint state = new CompletedCheckpoint(metadata.checkpointId(), metadata.timestamp(),
                "savepoint".equals(metadata.type()), tasks);
        return new Savepoint(dir, metadata, state);
    }

    private static byte[] load(Path dir, String name, long size, long crc, List<String> problems) {
        if (name == null || name.contains("/") || name.contains("\\") || name.startsWith("..")) {
            problems.add(dir + ": the metadata names an invalid state file '" + name + "'");
            return null;
        }
        Path file = dir.resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != size) {
                problems.add(file + " is truncated or changed: " + bytes.length + " bytes, the metadata says "
                        + size);
                return null;
            }
            if (SavepointWriter.crc(bytes) != crc) {
                problems.add(file + " is corrupt: its checksum does not match the metadata");
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            problems.add(file + " is missing");
            return null;
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }
}
