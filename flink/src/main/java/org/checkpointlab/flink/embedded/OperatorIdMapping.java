package org.checkpointlab.flink.embedded;

import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.flink.VertexOperators;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * Rewrites what Flink's REST API says of a job (keyed by job vertex id) in the terms of the pipeline it runs: a
 * subtask lists the operators of its chain, head first; a checkpoint's subtask and a failure name the chain's
 * head operator, as on the local engine. Vertices the pipeline does not know keep their ids.
 */
public final class OperatorIdMapping {
    private final VertexOperators vertices;

    public OperatorIdMapping(VertexOperators vertices) {
        this.vertices = vertices;
    }

    public JobSnapshot snapshot(JobSnapshot s) {
        List<SubtaskSnapshot> subtasks = new ArrayList<>(s.subtasks().size());
        for (SubtaskSnapshot t : s.subtasks()) {
            subtasks.add(subtask(t));
        }
        List<CheckpointStats> checkpoints = new ArrayList<>(s.checkpoints().size());
        for (CheckpointStats c : s.checkpoints()) {
            checkpoints.add(checkpoint(c));
        }
        List<FailureEvent> failures = new ArrayList<>(s.failures().size());
        for (FailureEvent f : s.failures()) {
            failures.add(new FailureEvent(f.timestamp(), f.operatorId() == null ? null : vertices.headOf(f.operatorId()),
                    f.subtaskIndex(), f.message()));
        }
        return new JobSnapshot(s.takenAtNanos(), s.status(), s.attempt(), subtasks, s.channels(), checkpoints,
                failures, s.restarts(), s.nextRestartAtMillis(), s.paused(), s.speed(), s.startedFromSavepointId());
    }

    private SubtaskSnapshot subtask(SubtaskSnapshot t) {
        List<String> ops = new ArrayList<>();
        for (String vertex : t.operatorIds()) {
            List<String> chain = vertices.operatorsOf(vertex);
            if (chain.isEmpty()) {
                ops.add(vertex);
            } else {
                ops.addAll(chain);
            }
        }
        return new SubtaskSnapshot(t.taskName(), ops, t.subtaskIndex(), t.parallelism(), t.status(),
                t.barrierState(), t.recordsIn(), t.recordsOut(), t.busyMsPerSecond(), t.backPressuredMsPerSecond(),
                t.idleMsPerSecond(), t.inPoolUsage(), t.outPoolUsage(), t.stateSizeBytes(), t.syncPhase(),
                t.asyncSnapshots(), t.restoredCheckpointId());
    }

    public CheckpointStats checkpoint(CheckpointStats c) {
        List<SubtaskCheckpointStats> subtasks = new ArrayList<>(c.subtasks().size());
        for (SubtaskCheckpointStats s : c.subtasks()) {
            subtasks.add(new SubtaskCheckpointStats(vertices.headOf(s.operatorId()), s.subtaskIndex(),
                    s.ackTimestamp(), s.endToEndMillis(), s.syncMillis(), s.asyncMillis(), s.alignmentMillis(),
                    s.startDelayMillis(), s.checkpointedSize(), s.fullSize(), s.processedInFlight(),
                    s.persistedInFlight(), s.unaligned()));
        }
        return new CheckpointStats(c.id(), c.status(), c.savepoint(), c.triggerTimestamp(), c.latestAckTimestamp(),
                c.acknowledged(), c.total(), c.endToEndMillis(), c.syncMillis(), c.asyncMillis(),
                c.alignmentMillis(), c.startDelayMillis(), c.checkpointedSize(), c.fullSize(),
                c.processedInFlight(), c.persistedInFlight(), c.unaligned(), c.failure(), subtasks);
    }
}
