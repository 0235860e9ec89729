package org.checkpointlab.flink.embedded;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupsStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.runtime.state.StreamStateHandle;
import org.apache.flink.runtime.state.filesystem.FileStateHandle;
import org.checkpointlab.flink.FlinkOptions;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.PipelineTranslator;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.state.KeyGroups;

/**
 * Reads a Flink savepoint's {@code _metadata} into the project's savepoint metadata, for the restore dialog: every
 * saved operator with its parallelism, max parallelism and, per subtask, its key groups and state sizes. Flink
 * stores operators by their operator id (the hash of the uid); they are named here by the pipeline's operator ids,
 * which the translator gives as uids, by translating the pipeline once. The state itself is left to Flink, which
 * restores from the directory: the result carries no state ({@link Savepoint#state()} is null).
 */
public final class FlinkSavepointMetadata {
    static final String METADATA = "_metadata";
    /** The kind of a saved operator the pipeline does not have (only its uid or id is known). */
    static final String UNKNOWN_KIND = "flink-operator";

    private FlinkSavepointMetadata() {
    }

    /**
     * @param location a savepoint directory (or its {@code _metadata} file)
     * @param config   the job's configuration: its pipeline names the saved operators
     * @throws SavepointException naming the location when it holds no Flink savepoint or it cannot be read
     */
    public static Savepoint read(Path location, JobConfig config) throws SavepointException {
        Path directory = Files.isRegularFile(location) ? location.toAbsolutePath().getParent() : location;
        Path file = Files.isRegularFile(location) ? location : location.resolve(METADATA);
        if (Files.exists(location.resolve(SavepointMetadata.FILE_NAME))) {
            throw new SavepointException(location + " is a savepoint of the local engine: Flink restores only its own "
                    + "savepoints (a directory with a _metadata file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new SavepointException("no Flink savepoint at " + location + " (no _metadata file)");
        }
        CheckpointMetadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = Checkpoints.loadCheckpointMetadata(new DataInputStream(in),
                    FlinkSavepointMetadata.class.getClassLoader(), directory.toUri().toString());
        } catch (IOException | RuntimeException e) {
            throw new SavepointException("cannot read the Flink savepoint at " + location + ": " + e.getMessage(), e);
        }
        Map<String, String> uids = operatorUids(config);
        Map<String, OperatorSpec> byId = new HashMap<>();
        config.pipeline().operators().forEach(op -> byId.put(op.id(), op));
        List<SavepointMetadata.OperatorEntry> operators = new ArrayList<>();
        for (OperatorState saved : metadata.getOperatorStates()) {
            String operatorId = saved.getOperatorID().toHexString();
            String uid = uids.getOrDefault(operatorId, "");
            String id = !uid.isEmpty() ? uid : saved.getOperatorUid().orElse(operatorId);
            if (uids.containsKey(operatorId) && !byId.containsKey(id)) {
                continue; // an operator Flink adds for a pipeline operator (a sink's committer): restored with it
            }
            OperatorSpec op = byId.get(id);
            operators.add(new SavepointMetadata.OperatorEntry(id, op == null ? UNKNOWN_KIND : op.kind(),
                    saved.getParallelism(), saved.getMaxParallelism(), subtasks(saved)));
        }
        boolean savepoint = metadata.getCheckpointProperties() == null
                || metadata.getCheckpointProperties().isSavepoint();
        long timestamp;
        try {
            timestamp = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            timestamp = 0;
        }
        return new Savepoint(directory, new SavepointMetadata(SavepointMetadata.FORMAT,
                savepoint ? "savepoint" : "checkpoint", metadata.getCheckpointId(), timestamp,
                config.pipeline().name(), operators, List.of()), null);
    }

    /**
     * Flink's operator id (hex) → its uid, for every operator of the job graph the pipeline translates to: the
     * pipeline's operator ids, and the uids Flink derives for operators it adds (a sink's writer and committer).
     */
    private static Map<String, String> operatorUids(JobConfig config) throws SavepointException {
        try {
            Configuration job = Configuration.fromMap(FlinkOptions.of(config.withRestore(null)).job());
            Map<String, String> uids = new HashMap<>();
            for (JobVertex vertex : new PipelineTranslator(config.withRestore(null), "savepoint-metadata",
                    FailurePlan.of(List.of())).translate(job).getJobGraph().getVertices()) {
                for (OperatorIDPair pair : vertex.getOperatorIDs()) {
                    String uid = pair.getUserDefinedOperatorUid();
                    uids.put(pair.getGeneratedOperatorID().toHexString(), uid == null ? "" : uid);
                }
            }
            return uids;
        } catch (FlinkRefusal e) {
            throw new SavepointException(e.problems());
        }
    }

    private static List<SavepointMetadata.SubtaskEntry> subtasks(OperatorState saved) {
        List<SavepointMetadata.SubtaskEntry> subtasks = new ArrayList<>();
        for (int i = 0; i < saved.getParallelism(); i++) {
            OperatorSubtaskState state = saved.getState(i);
            KeyGroupRange range = null;
            String keyedFile = null;
            long keyedSize = 0;
            long operatorSize = 0;
            String operatorFile = null;
            if (state != null) {
                for (KeyedStateHandle keyed : state.getManagedKeyedState()) {
                    range = range == null ? keyed.getKeyGroupRange()
                            : KeyGroupRange.of(Math.min(range.getStartKeyGroup(),
                                    keyed.getKeyGroupRange().getStartKeyGroup()), Math.max(range.getEndKeyGroup(),
                                    keyed.getKeyGroupRange().getEndKeyGroup()));
                    keyedFile = keyedFile == null ? fileOf(keyed) : keyedFile;
                    keyedSize += keyed.getStateSize();
                }
                for (OperatorStateHandle op : state.getManagedOperatorState()) {
                    operatorFile = operatorFile == null ? fileOf(op.getDelegateStateHandle()) : operatorFile;
                    operatorSize += op.getStateSize();
                }
            }
            var own = KeyGroups.rangeForOperatorIndex(saved.getMaxParallelism(), saved.getParallelism(), i);
            int start = range == null || range.getNumberOfKeyGroups() == 0 ? own.start() : range.getStartKeyGroup();
            int end = range == null || range.getNumberOfKeyGroups() == 0 ? own.end() : range.getEndKeyGroup();
            subtasks.add(new SavepointMetadata.SubtaskEntry(i, start, end, keyedFile, keyedSize, 0, operatorFile,
                    operatorSize, 0));
        }
        return subtasks;
    }

    /** The file a state handle's bytes are in: its own file, or the metadata file it is inlined in. */
    private static String fileOf(Object handle) {
        Object h = handle instanceof KeyGroupsStateHandle k ? k.getDelegateStateHandle() : handle;
        if (h instanceof FileStateHandle f) {
            return f.getFilePath().getName();
        }
        return h instanceof StreamStateHandle ? METADATA : h.getClass().getSimpleName();
    }
}
