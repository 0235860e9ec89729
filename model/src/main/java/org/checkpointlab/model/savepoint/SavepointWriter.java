package org.checkpointlab.model.savepoint;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

import com.google.gson.GsonBuilder;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.StateRecord;
import org.checkpointlab.model.state.StateSerializer;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.checkpointlab.model.util.Directories;

/**
 * Writes a completed checkpoint as a savepoint directory (format in {@link SavepointMetadata}). Atomic: everything
 * goes into a hidden sibling directory first, which is renamed to the target only when complete, so a savepoint that
 * is not complete is never visible or loadable. An existing target is never overwritten.
 */
public final class SavepointWriter {
    private static final String IN_FLIGHT_PREFIX = "inflight-";
    private SavepointWriter() {
    }

    /**
     * @param type "savepoint" or "checkpoint" (a retained checkpoint)
     * @return the size of the state files written, in bytes
     */
    public static long write(CompletedCheckpoint checkpoint, PipelineSpec pipeline, String type, Path target)
            throws SavepointException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new SavepointException("savepoint directory " + absolute + " already exists: choose a new one");
        }
        Path parent = absolute.getParent();
        Path temp = parent.resolve("." + absolute.getFileName() + ".inprogress-" + System.nanoTime());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temp);
            SavepointMetadata metadata = writeFiles(checkpoint, pipeline, type, temp);
            String json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(metadata);
            Files.writeString(temp.resolve(SavepointMetadata.FILE_NAME), json);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute);
            }
            return metadata.stateSize();
        } catch (FileAlreadyExistsException e) {
            Directories.deleteQuietly(temp);
            throw new SavepointException("savepoint directory " + absolute + " already exists: choose a new one");
        } catch (IOException e) {
            Directories.deleteQuietly(temp);
            throw new SavepointException("cannot write savepoint to " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Where {@link #writeFiles} puts each state file: a directory, or nowhere (metadata only). */
    @FunctionalInterface
    private interface StateFiles {
        void write(String name, byte[] bytes) throws IOException;
    }

    /**
     * The metadata a savepoint of {@code checkpoint} would have, without writing anything: for reading the state of
     * a checkpoint held in memory (the running job's latest) as a savepoint's.
     */
    public static SavepointMetadata metadata(CompletedCheckpoint checkpoint, PipelineSpec pipeline, String type) {
        try {
            return writeFiles(checkpoint, pipeline, type, (name, bytes) -> { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the state of checkpoint " + checkpoint.id(), e);
        }
    }

    private static SavepointMetadata writeFiles(CompletedCheckpoint checkpoint, PipelineSpec pipeline, String type,
                                                Path dir) throws IOException {
        // state files may be in place already (a retained checkpoint's); in-flight data is always written anew
        return writeFiles(checkpoint, pipeline, type, (name, bytes) -> {
            if (name.startsWith(IN_FLIGHT_PREFIX)) {
                Files.write(dir.resolve(name), bytes);
            } else {
                writeUnlessPresent(dir.resolve(name), bytes);
            }
        });
    }

    private static SavepointMetadata writeFiles(CompletedCheckpoint checkpoint, PipelineSpec pipeline, String type,
                                                StateFiles files) throws IOException {
        Map<String, List<OperatorSubtaskState>> byOperator = new TreeMap<>();
        for (TaskStateSnapshot t : checkpoint.tasks().values()) {
            for (OperatorSubtaskState s : t.operators()) {
                byOperator.computeIfAbsent(s.operatorId(), k -> new ArrayList<>()).add(s);
            }
        }
        List<SavepointMetadata.OperatorEntry> operators = new ArrayList<>();
        for (Map.Entry<String, List<OperatorSubtaskState>> e : byOperator.entrySet()) {
            OperatorSpec spec = pipeline.operator(e.getKey()).orElse(null);
            List<OperatorSubtaskState> states = e.getValue();
            states.sort(Comparator.comparingInt(OperatorSubtaskState::subtaskIndex));
            int parallelism = states.get(0).parallelism();
            int maxP = spec != null && spec.maxParallelism() != null ? spec.maxParallelism()
                    : KeyGroups.defaultMaxParallelism(parallelism);
            List<SavepointMetadata.SubtaskEntry> subtasks = new ArrayList<>();
            for (OperatorSubtaskState s : states) {
                String keyedFile = null;
                long keyedSize = 0;
                long keyedCrc = 0;
                if (s.keyedState() != null) {
                    byte[] bytes = s.keyedState().read();
                    keyedFile = e.getKey() + "-" + s.subtaskIndex() + ".keyed";
                    files.write(keyedFile, bytes);
                    keyedSize = bytes.length;
                    keyedCrc = crc(bytes);
                }
                byte[] op = s.operatorState().read();
                String opFile = e.getKey() + "-" + s.subtaskIndex() + ".operator";
                files.write(opFile, op);
                subtasks.add(new SavepointMetadata.SubtaskEntry(s.subtaskIndex(), s.keyGroupRange().start(),
                        s.keyGroupRange().end(), keyedFile, keyedSize, keyedCrc, opFile, op.length, crc(op)));
            }
            operators.add(new SavepointMetadata.OperatorEntry(e.getKey(), spec == null ? "unknown" : spec.kind(),
                    parallelism, maxP, subtasks));
        }
        List<SavepointMetadata.InFlightEntry> inFlight = new ArrayList<>();
        int n = 0;
        for (TaskStateSnapshot t : checkpoint.tasks().values()) {
            for (String side : List.of("input", "output")) {
                Map<String, List<StreamRecord>> records = side.equals("input") ? t.inputInFlight()
                        : t.outputInFlight();
                for (Map.Entry<String, List<StreamRecord>> r : new TreeMap<>(records).entrySet()) {
                    List<StateRecord> list = r.getValue().stream()
                            .map(x -> new StateRecord(x.key(), x.value(), x.seq())).toList();
                    byte[] bytes = StateSerializer.toBytes(new ArrayList<>(list));
                    String file = IN_FLIGHT_PREFIX + (n++) + ".bin";
                    files.write(file, bytes);
                    inFlight.add(new SavepointMetadata.InFlightEntry(r.getKey(), side, file, bytes.length,
                            crc(bytes)));
                }
            }
        }
        return new SavepointMetadata(SavepointMetadata.FORMAT, type, checkpoint.id(), checkpoint.timestamp(),
                pipeline.name(), operators, inFlight);
    }

    /**
     * Makes a checkpoint in a checkpoint directory restorable like a savepoint: writes its in-flight data and then,
     * last and atomically, {@code _metadata.json} into {@code chkDir}, referencing the state files the checkpoint
     * storage already wrote there (type "checkpoint").
     */
    public static void writeRetainedMetadata(CompletedCheckpoint checkpoint, PipelineSpec pipeline, Path chkDir)
            throws SavepointException {
        try {
            Files.createDirectories(chkDir);
            SavepointMetadata copied = writeFiles(checkpoint, pipeline, "checkpoint", chkDir);
            String json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(copied);
            org.checkpointlab.model.util.AtomicFiles.writeString(chkDir.resolve(SavepointMetadata.FILE_NAME), json);
        } catch (IOException e) {
            throw new SavepointException("cannot write the metadata of retained checkpoint " + checkpoint.id()
                    + " to " + chkDir + ": " + e.getMessage(), e);
        }
    }

    /** A retained checkpoint's state files are already in place (the checkpoint storage wrote them). */
    private static void writeUnlessPresent(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file) || Files.size(file) != bytes.length) {
            Files.write(file, bytes);
        }
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

}
