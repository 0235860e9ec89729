package org.checkpointlab.views.state;

import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.savepoint.SavepointState;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.Problems;
import org.checkpointlab.views.session.TaskRunner;
import org.checkpointlab.views.session.Units;

/**
 * Keeps a {@link StateViewModel} on the running job's latest completed checkpoint while its
 * {@linkplain StateViewModel#liveProperty() live} switch is on: each published snapshot whose newest completed
 * checkpoint is not the one shown has the job decode that checkpoint's state ({@link JobClient#latestCheckpointState})
 * on the {@link TaskRunner}, one read at a time, and the view model shows it (keeping the operator, subtask and key
 * searched). Before the first checkpoint a restored job shows the savepoint it started from. {@link #close()} stops
 * following (the window closed). FX thread only.
 */
public final class RunningJobState implements AutoCloseable {
    private final StateViewModel viewModel;
    private final ObservableValue<JobClient> job;
    private final ObservableValue<JobSnapshot> snapshots;
    private final TaskRunner runner;
    private final ChangeListener<Object> onChange = (obs, o, n) -> update();
    /** The job and checkpoint id last read (or being read); -1 for none. */
    private JobClient readJob;
    private long readId = -1;
    private boolean reading;

    /**
     * @param job       the session's current job ({@code JobSession.jobProperty()})
     * @param snapshots its published snapshots ({@code JobSession.snapshotProperty()})
     */
    public RunningJobState(StateViewModel viewModel, ObservableValue<JobClient> job,
                           ObservableValue<JobSnapshot> snapshots, TaskRunner runner) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.job = Objects.requireNonNull(job, "job");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.runner = Objects.requireNonNull(runner, "runner");
        job.addListener(onChange);
        snapshots.addListener(onChange);
        viewModel.liveProperty().addListener(onChange);
    }

    /** Reads the newest checkpoint now if the live switch is on (the window opened on it). */
    public void refresh() {
        update();
    }

    @Override
    public void close() {
        job.removeListener(onChange);
        snapshots.removeListener(onChange);
        viewModel.liveProperty().removeListener(onChange);
    }

    private void update() {
        if (!viewModel.liveProperty().get()) {
            readJob = null;
            readId = -1;
            return;
        }
        JobClient current = job.getValue();
        if (current == null || !current.supports(JobClient.Capability.CHECKPOINT_STATE)) {
            readJob = null;
            viewModel.showNothing(current == null ? "No job: press Run, then its checkpoints' state shows here."
                    : "This engine does not show its checkpoints' state.");
            return;
        }
        long newest = newestCompleted(snapshots.getValue());
        if (reading || (current == readJob && newest == readId)) {
            return;
        }
        reading = true;
        readJob = current;
        readId = newest;
        runner.run(current::latestCheckpointState, state -> {
            reading = false;
            if (current == job.getValue() && viewModel.liveProperty().get()) {
                show(current, state);
            }
            update(); // a newer checkpoint may have completed meanwhile
        }, failure -> {
            reading = false;
            if (current == job.getValue() && viewModel.liveProperty().get()) {
                viewModel.showNothing("Checkpoint state not readable now (" + String.join("; ",
                        Problems.of(failure)) + "); tried again at the next checkpoint.");
            }
        });
    }

    private void show(JobClient current, SavepointState state) {
        if (state == null) {
            viewModel.showNothing(Texts.format("state.running.none", current.pipeline().name()));
            return;
        }
        SavepointMetadata m = state.savepoint().metadata();
        boolean restoredFrom = current.config().restore() != null && "savepoint".equals(m.type())
                && newestCompleted(snapshots.getValue()) < 0;
        String id = String.valueOf(m.checkpointId());
        viewModel.show(state, restoredFrom
                ? Texts.format("state.running.startedFrom", current.pipeline().name(), id, Units.bytes(m.stateSize()))
                : Texts.format("state.running.latest", current.pipeline().name(), savepointType(m), id,
                        Units.clock(m.timestamp()), Units.bytes(m.stateSize())));
    }

    /** "savepoint" or "checkpoint" (what the metadata says it is) in the UI's language. */
    public static String savepointType(SavepointMetadata m) {
        String key = "savepoint.type." + m.type();
        return Texts.messages().containsKey(key) ? Texts.get(key) : m.type();
    }

    /** The id of the newest completed checkpoint in {@code snapshot}, or -1. */
    static long newestCompleted(JobSnapshot snapshot) {
        if (snapshot == null) {
            return -1;
        }
        long newest = -1;
        for (CheckpointStats c : snapshot.checkpoints()) {
            if (c.status() == CheckpointStatus.COMPLETED && c.id() > newest) {
                newest = c.id();
            }
        }
        return newest;
    }
}
