package org.checkpointlab.model.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.model.savepoint.SavepointState;

/**
 * Everything a front end does with one running job, whatever engine runs it (as Flink's {@code JobClient} serves a
 * MiniCluster and a remote cluster alike). Front ends observe the job through immutable {@link JobSnapshot}s and
 * command it through these methods only; they never reach the engine's classes.
 *
 * <p>What an engine cannot do is declared in {@link #capabilities()}, not signalled by nulls: a command whose
 * capability is missing throws {@link UnsupportedCapabilityException}, and an observation the engine cannot make
 * (channel buffers, for one) is left empty in the snapshot.
 *
 * <p>Threading: every method is thread-safe and returns quickly; only {@link #awaitTermination},
 * {@link #awaitRunning} and {@link #checkDelivery} block.
 */
public interface JobClient extends AutoCloseable {

    /** What an engine can do beyond the common commands (status, snapshot, checkpoints, savepoints, cancel). */
    enum Capability {
        /** Snapshots list every channel with its queued buffers and barriers ({@link JobSnapshot#channels()}). */
        CHANNEL_BUFFERS,
        /** {@link #setPaused} and {@link #stepToNextBarrierEvent}: stop processing, run to the next barrier event. */
        PAUSE_AND_STEP,
        /** {@link #setSpeed}: slow motion, for watching at human speed. */
        SLOW_MOTION,
        /** {@link #injectFailure}: make a running subtask throw. */
        FAILURE_INJECTION,
        /** {@link #updateCheckpointOptions}: new options apply to the running job from its next checkpoint on. */
        LIVE_CHECKPOINT_OPTIONS,
        /** {@link #sinkOutputs}: what each sink committed and the transactions it holds open. */
        SINK_OUTPUT,
        /** {@link #checkDelivery}: compare a finished job's committed output with a failure-free run's. */
        DELIVERY_CHECK,
        /** {@link #latestCheckpointState}: read the keyed state of the latest completed checkpoint. */
        CHECKPOINT_STATE,
        /**
         * {@link #rescaleInPlace}: the running job takes new parallelism without a savepoint, as under Flink's
         * adaptive scheduler. Without it a job is rescaled by a savepoint and a restore at new parallelism.
         */
        RESCALE_IN_PLACE
    }

    /** What this client's engine supports beyond the common commands. */
    Set<Capability> capabilities();

    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /** The configuration the job was started with (pipeline as written, options, restore). */
    JobConfig config();

    /** The pipeline as run: with parallelism and record overrides applied. */
    PipelineSpec pipeline();

    JobStatus status();

    /** An immutable view of the job at this moment. */
    JobSnapshot snapshot();

    /** Totals so far (or final, once terminated). */
    JobSummary summary();

    /** The checkpoint options in force (changed by {@link #updateCheckpointOptions}). */
    CheckpointOptions checkpointOptions();

    /** Triggers a checkpoint now; completes with its final statistics (completed or failed). */
    CompletableFuture<CheckpointStats> triggerCheckpoint();

    /** Takes a savepoint into {@code directory}, which appears only when complete; the job keeps running. */
    CompletableFuture<SavepointResult> triggerSavepoint(Path directory);

    /**
     * Stop-with-savepoint, as Flink's {@code flink stop}: a synchronous savepoint (sources emit nothing after its
     * barrier), sinks commit exactly what it covers, the job ends FINISHED. With {@code drain}, as
     * {@code flink stop --drain}: sources end their input first, so a job resumed from the savepoint reads nothing
     * more. If no savepoint is taken (the savepoint failed, or the job finished first) the future fails with the
     * reason and the job goes on (or ended as it would have).
     */
    CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain);

    /** Stop-with-savepoint without drain. */
    default CompletableFuture<SavepointResult> stopWithSavepoint(Path directory) {
        return stopWithSavepoint(directory, false);
    }

    /** The savepoints this job wrote, oldest first. */
    List<SavepointResult> savepoints();

    /**
     * Reads a savepoint (or retained checkpoint) in the format of this job's engine, for the restore dialog: its
     * operators by the pipeline's ids, with parallelism, max parallelism, key groups per subtask and sizes. The
     * local engine's format by default; an engine that restores its own files may leave {@link Savepoint#state()}
     * null. Blocks on the file system.
     */
    default Savepoint readSavepoint(Path directory) throws SavepointException {
        return SavepointReader.read(directory);
    }

    /** Cancels every task; the job ends CANCELED. */
    void cancel();

    /** Waits until the job is FINISHED, CANCELED or FAILED; returns false on timeout. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Waits until every subtask of the current attempt runs (a checkpoint can be triggered only then, as in Flink);
     * returns false on timeout or when the job ended first.
     */
    boolean awaitRunning(Duration timeout) throws InterruptedException;

    /** Cancels the job and waits up to 10 s for its end. */
    @Override
    default void close() {
        cancel();
        try {
            awaitTermination(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** New options apply from the next checkpoint on. Needs {@link Capability#LIVE_CHECKPOINT_OPTIONS}. */
    default void updateCheckpointOptions(CheckpointOptions options) {
        throw new UnsupportedCapabilityException(Capability.LIVE_CHECKPOINT_OPTIONS);
    }

    /** Slow motion, 0 &lt; speed ≤ 1. Needs {@link Capability#SLOW_MOTION}. */
    default void setSpeed(double speed) {
        throw new UnsupportedCapabilityException(Capability.SLOW_MOTION);
    }

    /** 1.0 at full speed; an engine without slow motion always runs at full speed. */
    default double speed() {
        return 1.0;
    }

    /** Pauses or resumes processing; either ends a step. Needs {@link Capability#PAUSE_AND_STEP}. */
    default void setPaused(boolean paused) {
        throw new UnsupportedCapabilityException(Capability.PAUSE_AND_STEP);
    }

    default boolean isPaused() {
        return false;
    }

    /**
     * A paused job runs to its next barrier event and pauses again. Needs {@link Capability#PAUSE_AND_STEP}.
     *
     * @return false (and nothing happens) when the job is not paused
     */
    default boolean stepToNextBarrierEvent() {
        throw new UnsupportedCapabilityException(Capability.PAUSE_AND_STEP);
    }

    /** True from {@link #stepToNextBarrierEvent()} until the barrier event that ends the step. */
    default boolean isStepping() {
        return false;
    }

    /** The barrier event the last step stopped at, or null. */
    default org.checkpointlab.model.observe.StepEvent lastStep() {
        return null;
    }

    /** {@link #lastStep()} as the command line says it, or null. */
    default String lastStepEvent() {
        org.checkpointlab.model.observe.StepEvent event = lastStep();
        return event == null ? null : event.english();
    }

    /**
     * Each sink's output at this moment, in pipeline order: committed count, digest, the last
     * {@code recentRecords} committed records and the open (pre-committed) transactions per subtask. A sink appears
     * once it has opened (a discard sink never). Cheap: costs the records asked for, not the size of the output.
     * Needs {@link Capability#SINK_OUTPUT}.
     */
    default List<SinkOutputSnapshot> sinkOutputs(int recentRecords) {
        throw new UnsupportedCapabilityException(Capability.SINK_OUTPUT);
    }

    /**
     * The delivery verdict of the command line's {@code run} for this job, per sink with an output: when the job
     * FINISHED (or FAILED) after reading its whole input, its committed output is compared with a failure-free run
     * of the same pipeline ("exactly-once held", "N duplicates", "N records lost"); otherwise each sink says why it
     * is not computable (unbounded source, restored from or stopped with a savepoint, not ended). <b>Blocks</b>
     * while the reference run takes place: call it off the UI thread. Needs {@link Capability#DELIVERY_CHECK}.
     */
    default List<DeliveryCheck.SinkDelivery> checkDelivery() throws InterruptedException {
        throw new UnsupportedCapabilityException(Capability.DELIVERY_CHECK);
    }

    /**
     * Why this job's delivery can never be checked, known from its configuration alone (an unbounded source,
     * processing-time windows, a start from a savepoint when {@code restoredFromItsOwnRun} is false); empty when it
     * can be once the job ends. Cheap, never blocks: a front end says it while the job runs.
     *
     * @param restoredFromItsOwnRun whether the savepoint it started from was written by an earlier deployment of the
     *                              same run (a rescale), whose output {@link #checkDelivery(List)} adds in
     */
    default java.util.Optional<String> deliveryNotComputableBecause(boolean restoredFromItsOwnRun) {
        return deliveryNotComputableReason(restoredFromItsOwnRun).map(DeliveryVerdict.NotComputable::english);
    }

    /** As {@link #deliveryNotComputableBecause(boolean)}, as facts a front end words itself. */
    default java.util.Optional<DeliveryVerdict.NotComputable> deliveryNotComputableReason(
            boolean restoredFromItsOwnRun) {
        return DeliveryCheck.notComputableReason(restoredFromItsOwnRun ? config().withRestore(null) : config());
    }

    /**
     * The delivery verdict over every deployment of one pipeline: {@code earlier} (oldest first) each stopped with a
     * savepoint that the next was restored from (a rescale, a redeploy), and this job last. Their committed outputs
     * together are compared with one failure-free run of the first, so a rescale in the middle of a bounded run
     * still gets "exactly-once held" or the duplicates and losses. With no earlier deployment this is
     * {@link #checkDelivery()}. <b>Blocks</b> like it. An engine that cannot combine its jobs' outputs says so per
     * sink ("not computable").
     */
    default List<DeliveryCheck.SinkDelivery> checkDelivery(List<JobClient> earlier) throws InterruptedException {
        List<DeliveryCheck.SinkDelivery> own = checkDelivery();
        if (earlier.isEmpty()) {
            return own;
        }
        return own.stream().map(d -> new DeliveryCheck.SinkDelivery(d.sinkId(), d.kind(), d.committed(), -1, -1, -1,
                DeliveryVerdict.notComputable(DeliveryVerdict.NotComputable.of(
                        DeliveryVerdict.Reason.CANNOT_COMBINE_DEPLOYMENTS, earlier.size() + 1)))).toList();
    }

    /**
     * The keyed state of the job's latest completed checkpoint (or of the savepoint it started from, before its
     * first checkpoint), decoded as a savepoint's: per operator and subtask its key groups and entries.
     * {@code null} when there is none yet. Costs the size of the state; call it off the UI thread. Needs
     * {@link Capability#CHECKPOINT_STATE}.
     *
     * @throws SavepointException when the state cannot be decoded (e.g. the checkpoint was discarded meanwhile)
     */
    default SavepointState latestCheckpointState() throws SavepointException {
        throw new UnsupportedCapabilityException(Capability.CHECKPOINT_STATE);
    }

    /**
     * Asks the running job to run these operators (by {@link PipelineSpec} operator id; for a watched cluster job,
     * its job vertices) at new parallelism, in place: the engine restarts the job from its latest checkpoint with
     * the new parallelism once it has the task slots (Flink's adaptive scheduler, 1.18+, also waits for its
     * cooldown after the last rescale). The future completes when the engine accepted the request, before the job
     * runs at the new parallelism: its snapshots show that. It fails, naming the operator, when an operator is
     * unknown or its parallelism is below 1 or above its max parallelism. Needs
     * {@link Capability#RESCALE_IN_PLACE}.
     */
    default CompletableFuture<Void> rescaleInPlace(java.util.Map<String, Integer> parallelism) {
        throw new UnsupportedCapabilityException(Capability.RESCALE_IN_PLACE);
    }

    /**
     * The task slots of the cluster the job runs on, as it reports them now ({@link TaskSlots#UNKNOWN} when the
     * engine does not tell). <b>Blocks</b> on the network: call it off the UI thread.
     */
    default TaskSlots taskSlots() throws InterruptedException {
        return TaskSlots.UNKNOWN;
    }

    /**
     * Makes a subtask of an operator (any operator of its chain) fail now. Needs {@link Capability#FAILURE_INJECTION}.
     *
     * @return false if there is no such running subtask
     */
    default boolean injectFailure(String operatorId, int subtask) {
        throw new UnsupportedCapabilityException(Capability.FAILURE_INJECTION);
    }
}
