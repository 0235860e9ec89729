package org.checkpointlab.views.checkpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.OptionTexts;
import org.checkpointlab.views.session.RestartStrategies;

/**
 * State of the Checkpoints panel, like Flink's Checkpoints tab: the overview counts, the history (newest first),
 * the summary over completed checkpoints, the current configuration, and for the selected checkpoint its
 * statistics by operator, by subtask and its per-subtask timeline. Until the user picks a checkpoint the latest
 * completed one is selected. Updated from each published {@link JobSnapshot}; FX thread only.
 */
public final class CheckpointsViewModel {
    private final Supplier<JobClient> job;
    private final ReadOnlyObjectWrapper<CheckpointOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview",
            CheckpointOverview.of(List.of(), List.of(), null, -1));
    private final ObservableList<CheckpointStats> history = FXCollections.observableArrayList();
    private final ObservableList<PhaseStatistics> summary = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> configuration = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CheckpointStats> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<PhaseStatistics> byOperator = FXCollections.observableArrayList();
    private final ObservableList<SubtaskCheckpointStats> bySubtask = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private long chosenId = -1;

    /**
     * @param snapshots the job's latest snapshot (e.g. {@code JobSession.snapshotProperty()})
     * @param job       the job whose configuration is shown (may supply {@code null})
     */
    public CheckpointsViewModel(ObservableValue<JobSnapshot> snapshots, Supplier<JobClient> job) {
        this.job = Objects.requireNonNull(job, "job");
        snapshots.addListener((obs, old, s) -> update(s));
        update(snapshots.getValue());
    }

    public ReadOnlyObjectProperty<CheckpointOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** Every checkpoint and savepoint, newest first. */
    public ObservableList<CheckpointStats> history() {
        return history;
    }

    /** min/avg/max/percentiles over the completed checkpoints. */
    public ObservableList<PhaseStatistics> summary() {
        return summary;
    }

    /** The configuration in force: every checkpoint option, state backend, restart strategy. */
    public ObservableList<Map.Entry<String, String>> configuration() {
        return configuration;
    }

    public ReadOnlyObjectProperty<CheckpointStats> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<PhaseStatistics> byOperator() {
        return byOperator;
    }

    public ObservableList<SubtaskCheckpointStats> bySubtask() {
        return bySubtask;
    }

    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    /** Shows checkpoint {@code id} in the detail views from now on; -1 follows the latest completed again. */
    public void select(long id) {
        chosenId = id;
        refreshSelection();
    }

    /** Rebuilds everything from {@code s}; {@code null} (no job, or a new one not sampled yet) empties the panel. */
    public void update(JobSnapshot s) {
        if (s == null) {
            overview.set(CheckpointOverview.of(List.of(), List.of(), null, -1));
            history.clear();
            summary.clear();
            configuration.clear();
            refreshSelection();
            return;
        }
        JobClient current = job.get();
        String restoredFrom = current != null && current.config().restore() != null
                ? current.config().restore().path().toString() : null;
        overview.set(CheckpointOverview.of(s, restoredFrom));
        List<CheckpointStats> newestFirst = new ArrayList<>(s.checkpoints());
        newestFirst.sort(Comparator.comparingLong(CheckpointStats::id).reversed());
        patchNewestFirst(history, newestFirst);
        List<PhaseStatistics> sum = PhaseStatistics.overCompleted(s.checkpoints());
        if (!sum.equals(summary)) {
            summary.setAll(sum);
        }
        List<Map.Entry<String, String>> config = configurationOf(current);
        if (!config.equals(configuration)) {
            configuration.setAll(config);
        }
        refreshSelection();
    }

    /**
     * Makes {@code rows} (newest first) equal to {@code target} (newest first) touching only what changed: new
     * checkpoints are inserted at their place, one whose statistics changed (an ack, its completion) is replaced in
     * place, and ones no longer reported are removed. A table then updates those rows, instead of rebuilding every
     * cell as it does after {@code setAll}, which at a few snapshots a second was the costliest thing the panels did.
     */
    static void patchNewestFirst(ObservableList<CheckpointStats> rows, List<CheckpointStats> target) {
        int i = 0;
        int j = 0;
        while (i < rows.size() && j < target.size()) {
            CheckpointStats have = rows.get(i);
            CheckpointStats want = target.get(j);
            if (have.id() == want.id()) {
                if (!have.equals(want)) {
                    rows.set(i, want);
                }
                i++;
                j++;
            } else if (want.id() > have.id()) {
                rows.add(i++, want);
                j++;
            } else {
                rows.remove(i);
            }
        }
        if (i < rows.size()) {
            rows.remove(i, rows.size());
        }
        if (j < target.size()) {
            rows.addAll(target.subList(j, target.size()));
        }
    }

    private void refreshSelection() {
        CheckpointStats pick = history.stream()
                .filter(c -> chosenId >= 0 ? c.id() == chosenId : c.status() == CheckpointStatus.COMPLETED)
                .findFirst().orElse(null);
        if (Objects.equals(pick, selected.get())) {
            return;
        }
        selected.set(pick);
        if (pick == null) {
            byOperator.clear();
            bySubtask.clear();
            timeline.clear();
            return;
        }
        byOperator.setAll(PhaseStatistics.byOperator(pick));
        bySubtask.setAll(pick.subtasks());
        timeline.setAll(TimelineRow.of(pick, OperatorLabels.of(job.get())));
    }

    private static List<Map.Entry<String, String>> configurationOf(JobClient job) {
        if (job == null) {
            return List.of();
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        OptionTexts.of(job.checkpointOptions()).forEach((k, v) -> rows.add(Map.entry(OptionTexts.label(k), v)));
        JobConfig c = job.config();
        rows.add(Map.entry(Texts.get("checkpoints.config.stateBackend"), c.incremental()
                ? Texts.format("checkpoints.config.incremental", c.backend().cliName()) : c.backend().cliName()));
        rows.add(Map.entry(Texts.get("checkpoints.config.restartStrategy"),
                RestartStrategies.describe(c.effectiveRestartStrategy())));
        rows.add(Map.entry(Texts.get("checkpoints.config.failoverStrategy"),
                c.failover().name().toLowerCase(java.util.Locale.ROOT)));
        rows.add(Map.entry(Texts.get("checkpoints.config.restoredFrom"), c.restore() == null ? "-"
                : c.restore().allowNonRestoredState()
                ? Texts.format("checkpoints.config.allowNonRestored",
                        c.restore().path()) : c.restore().path().toString()));
        return rows;
    }
}
