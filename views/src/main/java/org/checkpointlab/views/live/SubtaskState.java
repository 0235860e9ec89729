package org.checkpointlab.views.live;

import javafx.scene.paint.Color;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.views.i18n.Texts;

/**
 * What a subtask box shows in one frame: the engine's snapshot of the subtask, its colour on Flink's scale, its
 * phase, and whether it is flashing because it just acknowledged a checkpoint.
 */
public record SubtaskState(SubtaskSnapshot snapshot, Color fill, SubtaskPhase phase, boolean flashing) {

    static SubtaskState of(SubtaskSnapshot snapshot, boolean flashing) {
        Color fill = SubtaskColors.fill(snapshot.busyMsPerSecond(), snapshot.backPressuredMsPerSecond(),
                snapshot.idleMsPerSecond());
        return new SubtaskState(snapshot, fill, SubtaskPhase.of(snapshot), flashing);
    }

    /** The box's tooltip: who it is, how it spends its time, and its phase explained. */
    public String tooltip(String operatorName) {
        SubtaskSnapshot s = snapshot;
        String barrier = SubtaskPhase.barrierProgress(s.barrierState());
        return Texts.format("subtask.tooltip", operatorName, s.subtaskIndex() + 1, s.parallelism(), s.subtaskIndex(),
                s.operatorIds().size() > 1 ? Texts.format("subtask.chain", s.taskName()) : "", s.status(),
                SubtaskColors.describe(s.busyMsPerSecond(), s.backPressuredMsPerSecond(), s.idleMsPerSecond()),
                s.backPressureLevel(), phase.description(), barrier.isEmpty() ? "" : "\n" + barrier);
    }
}
