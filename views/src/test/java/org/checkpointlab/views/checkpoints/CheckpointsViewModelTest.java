package org.checkpointlab.views.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.checkpoints.SummaryStatisticsTest.checkpoint;
import static org.checkpointlab.views.checkpoints.SummaryStatisticsTest.pending;
import static org.checkpointlab.views.checkpoints.SummaryStatisticsTest.subtask;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;

class CheckpointsViewModelTest {
    private final SimpleObjectProperty<JobSnapshot> snapshots = new SimpleObjectProperty<>();
    private final CheckpointsViewModel viewModel = new CheckpointsViewModel(snapshots, () -> null);
    private final List<String> changes = new ArrayList<>();

    private static JobSnapshot withCheckpoints(CheckpointStats... checkpoints) {
        return new JobSnapshot(0, JobStatus.RUNNING, 1, List.of(), List.of(), List.of(checkpoints), List.of(),
                List.of(), -1, false, 1.0);
    }

    /** Records each change of the history as the table sees it: "replace 0", "add 0", "remove 2..3". */
    private void recordChanges() {
        viewModel.history().addListener((ListChangeListener<CheckpointStats>) c -> {
            while (c.next()) {
                if (c.wasReplaced()) {
                    changes.add("replace " + c.getFrom());
                } else if (c.wasAdded()) {
                    changes.add("add " + c.getFrom());
                } else if (c.wasRemoved()) {
                    changes.add("remove " + c.getFrom() + ".." + (c.getFrom() + c.getRemovedSize()));
                }
            }
        });
    }

    private List<Long> historyIds() {
        return viewModel.history().stream().map(CheckpointStats::id).toList();
    }

    @Test
    void history_isNewestFirst_andTheLatestCompletedIsSelected() {
        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED, subtask("a", 0, 10, 100, 0)),
                checkpoint(2, CheckpointStatus.FAILED), checkpoint(3, CheckpointStatus.IN_PROGRESS)));

        assertThat(historyIds()).containsExactly(3L, 2L, 1L);
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo(1);
        assertThat(viewModel.overviewProperty().get().completed()).isEqualTo(1);
    }

    @Test
    void anAckOfTheCheckpointInProgress_replacesOnlyItsRow() {
        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED),
                checkpoint(2, CheckpointStatus.IN_PROGRESS, pending("a", 0), pending("a", 1))));
        recordChanges();

        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED),
                checkpoint(2, CheckpointStatus.IN_PROGRESS, subtask("a", 0, 10, 100, 0), pending("a", 1))));

        assertThat(changes).containsExactly("replace 0");
        assertThat(viewModel.history().get(0).subtasks().get(0).ackTimestamp()).isPositive();
    }

    @Test
    void aNewCheckpoint_isInsertedAtTheTop_andAnUnchangedSnapshotChangesNothing() {
        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED)));
        recordChanges();

        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED),
                checkpoint(2, CheckpointStatus.IN_PROGRESS)));
        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED),
                checkpoint(2, CheckpointStatus.IN_PROGRESS)));

        assertThat(changes).containsExactly("add 0");
        assertThat(historyIds()).containsExactly(2L, 1L);
    }

    @Test
    void checkpointsNoLongerReported_areRemoved_andARestartedHistoryIsTakenAsItIs() {
        snapshots.set(withCheckpoints(checkpoint(1, CheckpointStatus.COMPLETED),
                checkpoint(2, CheckpointStatus.COMPLETED), checkpoint(3, CheckpointStatus.COMPLETED)));
        recordChanges();

        snapshots.set(withCheckpoints(checkpoint(2, CheckpointStatus.COMPLETED),
                checkpoint(4, CheckpointStatus.IN_PROGRESS)));
        assertThat(historyIds()).containsExactly(4L, 2L);

        snapshots.set(withCheckpoints(checkpoint(7, CheckpointStatus.COMPLETED)));
        assertThat(historyIds()).containsExactly(7L);
        assertThat(changes).doesNotContain("replace 0");
    }
}
