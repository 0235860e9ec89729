package org.checkpointlab.model.runtime;

import java.util.function.Consumer;

import org.checkpointlab.model.checkpoint.SnapshotOptions;

/**
 * A command the job sends to its running subtasks. Each goes to every task, to the source tasks only, or to one
 * subtask, and reaches the task as mail: the task thread carries it out. {@link ExecutionGraph#send} and
 * {@link ExecutionGraph#sendTo} are the one place where commands fan out, whatever the command.
 */
public final class TaskCommand {
    private final String name;
    private final boolean sourcesOnly;
    private final Consumer<Task> action;

    private TaskCommand(String name, boolean sourcesOnly, Consumer<Task> action) {
        this.name = name;
        this.sourcesOnly = sourcesOnly;
        this.action = action;
    }

    /**
     * Sources take checkpoint {@code checkpointId} now and send its barrier on (other tasks get it through their
     * inputs): the trigger the coordinator sent, with its time and {@code options}.
     */
    public static TaskCommand triggerCheckpoint(long checkpointId, long timestamp, long triggerNanos,
                                                SnapshotOptions options) {
        return new TaskCommand("trigger checkpoint " + checkpointId, true,
                t -> t.triggerCheckpoint(checkpointId, timestamp, triggerNanos, options));
    }

    /** Checkpoint {@code checkpointId} completed: operators commit what it covers. */
    public static TaskCommand notifyCheckpointComplete(long checkpointId) {
        return new TaskCommand("checkpoint " + checkpointId + " complete", false,
                t -> t.notifyCheckpointComplete(checkpointId));
    }

    /** Checkpoint {@code checkpointId} failed: tasks release what they hold for it. */
    public static TaskCommand abortCheckpoint(long checkpointId) {
        return new TaskCommand("abort checkpoint " + checkpointId, false, t -> t.abortCheckpoint(checkpointId));
    }

    /** Sources that ran out end their partitions (after a bounded job's final checkpoint, or a stop). */
    public static TaskCommand finishSources() {
        return new TaskCommand("finish", true, Task::requestFinish);
    }

    /** Stop-with-savepoint with drain: sources end their input now. */
    public static TaskCommand drainSources() {
        return new TaskCommand("drain", true, Task::drainSource);
    }

    /** Throws {@code failure} in the task thread (failure injection); for {@link ExecutionGraph#sendTo}. */
    public static TaskCommand fail(RuntimeException failure) {
        return new TaskCommand("fail", false, t -> t.injectFailure(failure));
    }

    /** Throws {@code failure} once the subtask took in {@code records} records in this attempt. */
    public static TaskCommand failAtRecords(long records, RuntimeException failure) {
        return new TaskCommand("fail at record " + records, false, t -> t.failAtRecords(records, failure));
    }

    boolean appliesTo(Task task) {
        return !sourcesOnly || task.isSource();
    }

    void applyTo(Task task) {
        action.accept(task);
    }

    @Override
    public String toString() {
        return name;
    }
}
