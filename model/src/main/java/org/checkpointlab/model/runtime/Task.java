package org.checkpointlab.model.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.checkpointlab.model.checkpoint.SnapshotOptions;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * One subtask: a thread that runs a chain of operators over its input channels and writes into its output channels.
 *
 * <p><b>Threading model.</b> Everything that touches operators or state runs on this task's own thread: records,
 * checkpoint triggers and notifications, timers, failure injection and cancellation. Other threads talk to the task
 * only through its mailbox ({@link #mail}) or through its channels, and wake it with {@link #wakeUp()}. The only
 * work done elsewhere is the async phase of a checkpoint, which reads copy-on-write state snapshots on the job's
 * async executor. Observers read {@link #status}, the barrier handler state, counters and channels at any time.
 *
 * <p><b>Life cycle.</b> CREATED → RESTORING (state loaded, persisted in-flight data replayed) → RUNNING → FINISHED
 * once every input ended; or CANCELING → CANCELED; or FAILED when an operator throws.
 *
 * <p><b>Parts</b> (as Flink cuts a {@code StreamTask}): the task owns its thread, life cycle and mailbox loop
 * ({@link TaskMailbox}); the {@link OperatorChain} holds the operators and their state backends; the
 * {@link CheckpointedInputGate} polls the input channels through the barrier handler; the
 * {@link SubtaskCheckpointCoordinator} runs the sync phase of a snapshot and hands the async phase to an
 * {@link AsyncCheckpointRunnable}, with unaligned in-flight data going through the {@link ChannelStateWriter};
 * {@link ProcessingTimeService} fires timers, {@link IoTimeAccounting} splits time into busy, idle and backpressured,
 * and the job's {@link ExecutionThrottle} pauses, slows or steps it. Time comes only from a {@link TaskClock}. The
 * loop itself, with the per-record path, is the {@link MailboxProcessor}; this class sets it up and runs it.
 *
 * <p><b>Flow control.</b> Emitting never blocks. When a handed-over buffer uses a channel's last credit the task
 * marks its output as possibly full; before the next record it checks every output channel and, if one has no
 * credit, waits (backpressured) while still answering mail and unaligned barriers. Waiting for input is idle time.
 */
public final class Task {
    // ---- identity and wiring (set before start, then read-only) ----------------------------------------------
    private final String taskName;
    private final List<ChainedOperator> chain;
    private final int subtaskIndex;
    private final int parallelism;
    private final TaskListener listener;
    private final Executor asyncExecutor;
    private final CheckpointStorage storage;
    private final StateBackendFactory backends;
    private final SinkStore sinkStore;
    private final RuntimeContext runtime;
    private final TaskRestore restore;
    private final TaskClock clock;
    private final List<Channel> inputs = new ArrayList<>();
    private final List<RecordWriter> writers = new ArrayList<>();
    private final List<Channel> outputChannels = new ArrayList<>();
    private final Thread thread;
    private final IoTimeAccounting ioTime;
    private final ProcessingTimeService timeService;

    /** The loop: mail, deadlines, waits and the input; its volatile flags are how other threads reach the task. */
    private final MailboxProcessor processor;

    // ---- task-thread state --------------------------------------------------------------------------------------
    /*
     * Set once in setUp. Observers read these references racily (null before setUp): what they read through them
     * is final or volatile, so that is safe, and the task thread's per-buffer reads stay plain.
     */
    private OperatorChain operatorChain;
    private SubtaskCheckpointCoordinator checkpoints;
    /** The input side; null for a source. */
    private CheckpointedInputGate inputGate;

    // ---- shared with observers and other threads ----------------------------------------------------------------
    private volatile SubtaskStatus status = SubtaskStatus.CREATED;
    private volatile long restoredCheckpointId = -1;

    Task(String taskName, List<ChainedOperator> chain, int subtaskIndex, int parallelism, TaskListener listener,
         Executor asyncExecutor, CheckpointStorage storage, StateBackendFactory backends, SinkStore sinkStore,
         RuntimeContext runtime, TaskRestore restore) {
        this.taskName = taskName;
        this.chain = List.copyOf(chain);
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.listener = listener;
        this.asyncExecutor = asyncExecutor;
        this.storage = storage;
        this.backends = backends;
        this.sinkStore = sinkStore;
        this.runtime = runtime;
        this.restore = restore;
        this.clock = TaskClock.SYSTEM;
        this.ioTime = new IoTimeAccounting(clock);
        this.timeService = new ProcessingTimeService(clock);
        this.thread = new Thread(this::run, taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")");
        this.thread.setDaemon(true);
        this.processor = new MailboxProcessor(this, thread, listener, runtime, clock, ioTime, timeService,
                outputChannels);
    }

    // ---- wiring --------------------------------------------------------------------------------------------------

    void addInputChannel(Channel channel) {
        inputs.add(channel);
    }

    void addOutput(RecordWriter writer) {
        writers.add(writer);
        outputChannels.addAll(List.of(writer.channels()));
    }

    int inputChannelCount() {
        return inputs.size();
    }

    void start() {
        thread.start();
    }

    // ---- identity and observation ---------------------------------------------------------------------------------

    public String taskName() {
        return taskName;
    }

    public String headOperatorId() {
        return chain.get(0).id();
    }

    public String tailOperatorId() {
        return chain.get(chain.size() - 1).id();
    }

    public List<ChainedOperator> chain() {
        return chain;
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }

    public int parallelism() {
        return parallelism;
    }

    public SubtaskStatus status() {
        return status;
    }

    public boolean isSource() {
        return inputs.isEmpty();
    }

    BarrierHandlerState barrierState() {
        CheckpointedInputGate gate = inputGate;
        return gate == null ? new BarrierHandlerState.WaitingForFirstBarrier() : gate.barrierState();
    }

    List<Channel> inputChannels() {
        return inputs;
    }

    List<Channel> outputChannels() {
        return outputChannels;
    }

    boolean inSyncPhase() {
        SubtaskCheckpointCoordinator c = checkpoints;
        return c != null && c.inSyncPhase();
    }

    int asyncSnapshotsInProgress() {
        SubtaskCheckpointCoordinator c = checkpoints;
        return c == null ? 0 : c.asyncSnapshotsInProgress();
    }

    long stateSizeBytes() {
        OperatorChain c = operatorChain;
        return c == null ? 0 : c.stateSizeBytes();
    }

    long restoredCheckpointId() {
        return restoredCheckpointId;
    }

    /** Per operator of the chain: records in and out so far (racy reads). */
    long[][] recordCounts() {
        OperatorChain c = operatorChain;
        return c == null ? new long[chain.size()][2] : c.recordCounts();
    }

    /** Cumulative idle and backpressured nanos, counting a wait in progress, and the task's start time. */
    IoTimeAccounting.IoTimes ioTimes(long now) {
        return ioTime.times(now);
    }

    String describe() {
        return thread.getName();
    }

    // ---- mail and wake-ups (any thread) ---------------------------------------------------------------------------

    /** Runs {@code action} on the task thread, between records. */
    void mail(TaskMailbox.Mail action) {
        processor.mail(action);
    }

    /** An element arrived or a credit came back: wake the task if it waits. */
    void wakeUp() {
        processor.wakeUp();
    }

    void outputMayBeFull() {
        processor.outputMayBeFull(); // only ever called on this task's own thread (as the sender)
    }

    void priorityEventArrived() {
        processor.attention();
    }

    /** Cancels the task: it stops at the next record boundary. */
    void cancel() {
        if (!status.isTerminal()) {
            processor.cancel();
        }
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    // ---- the task thread -------------------------------------------------------------------------------------------

    private void run() {
        if (runtime.lowPrioritySubtasks()) {
            SubtaskThreadPriority.lowerCurrentThread();
        }
        ioTime.start();
        try {
            status = SubtaskStatus.RESTORING;
            setUp();
            if (!processor.isCancelled()) {
                status = SubtaskStatus.RUNNING;
                processor.runMailboxLoop();
            }
            if (processor.isCancelled()) {
                status = SubtaskStatus.CANCELED;
            } else {
                operatorChain.close();
                status = SubtaskStatus.FINISHED;
                listener.taskFinished(this);
            }
        } catch (MailboxProcessor.CancelledException e) {
            status = SubtaskStatus.CANCELED;
        } catch (Throwable t) {
            if (processor.isCancelled()) {
                status = SubtaskStatus.CANCELED;
            } else {
                status = SubtaskStatus.FAILED;
                listener.taskFailed(this, t);
            }
        } finally {
            releaseResources();
        }
    }

    private void setUp() throws Exception {
        OperatorChain ops = new OperatorChain(this);
        operatorChain = ops;
        // Step (1): create the state backends and restore them.
        ops.initializeState(backends, restore);
        if (restore != null) {
            restoredCheckpointId = restore.checkpointId();
        }
        // Step (2): create and wire the operators, last first, so each knows its output.
        ops.open(writers, runtime, sinkStore, timeService, processor::timerRegistered);
        ChannelStateWriter channelStateWriter = new ChannelStateWriter(headOperatorId(), subtaskIndex, inputs.size());
        checkpoints = new SubtaskCheckpointCoordinator(this, ops, channelStateWriter, listener, asyncExecutor,
                storage, clock);
        if (!inputs.isEmpty()) {
            inputGate = new CheckpointedInputGate(inputs, checkpoints, channelStateWriter, clock,
                    processor.gateEvents());
        }
        processor.open(runtime.throttle(), ops, checkpoints, inputGate);
        // Step (3): replay persisted in-flight data before any new input.
        if (restore != null) {
            StreamOperator head = ops.head();
            OperatorCounters headCounters = ops.headCounters();
            for (Map.Entry<Integer, List<StreamRecord>> e : restore.replay().entrySet()) {
                int input = inputs.get(e.getKey()).receiverInput;
                for (StreamRecord r : e.getValue()) {
                    headCounters.recordsIn++;
                    head.processRecord(r, input);
                }
            }
        }
        ops.updateStateSize();
    }

    /** Sync phase of an unaligned checkpoint: the unprocessed rest of the current input buffer is in-flight data. */
    void persistUnprocessedInput(ChannelStateWriter.WriteResult result) {
        if (inputGate != null) {
            inputGate.persistUnprocessedInput(result);
        }
    }

    /** Mail from the job once the final checkpoint completed: a source that ran out ends its partitions. */
    void requestFinish() {
        mail(processor::finishSource);
    }

    /**
     * Mail from the job for a stop-with-savepoint with drain: a source ends its input now (its next snapshot marks
     * it finished), so every operator downstream sees the end of its input and flushes, as with Flink's
     * MAX_WATERMARK. Nothing happens in a task that is not a source or whose source already ran out.
     */
    void drainSource() {
        mail(processor::drainSource);
    }

    private void releaseResources() {
        if (checkpoints != null) {
            checkpoints.abortAll();
        }
        if (operatorChain != null) {
            operatorChain.releaseBackends();
        }
    }

    // ---- checkpoints (mail from the coordinator) ---------------------------------------------------------------------

    /**
     * Mail from the coordinator to a source task: take checkpoint {@code checkpointId} now. The task builds the
     * barrier it sends from the trigger (as Flink's {@code SubtaskCheckpointCoordinatorImpl.checkpointState}).
     */
    void triggerCheckpoint(long checkpointId, long timestamp, long triggerNanos, SnapshotOptions options) {
        mail(() -> {
            CheckpointBarrier barrier = new CheckpointBarrier(checkpointId, timestamp, triggerNanos, options);
            runtime.throttle().barrierEvent(() -> org.checkpointlab.model.observe.StepEvent.barrierSent(
                    barrier.checkpointId(), headOperatorId(), subtaskIndex));
            checkpoints.triggerCheckpoint(barrier);
        });
    }

    /** Mail from the coordinator: checkpoint {@code checkpointId} completed. */
    void notifyCheckpointComplete(long checkpointId) {
        mail(() -> checkpoints.notifyCheckpointComplete(checkpointId));
    }

    /** Mail from the coordinator: checkpoint {@code checkpointId} failed; release what it holds here. */
    void abortCheckpoint(long checkpointId) {
        mail(() -> {
            if (inputGate != null) {
                inputGate.abortCheckpoint(checkpointId);
            }
            checkpoints.abortCheckpoint(checkpointId);
        });
    }

    /**
     * Completes once the task processed every mail sent before this call (or at once if the task ended), e.g. to
     * know that a checkpoint-complete notification was handled.
     */
    CompletableFuture<Void> drainMailbox() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (status.isTerminal() || !thread.isAlive()) {
            done.complete(null);
            return done;
        }
        mail(() -> done.complete(null));
        if (status.isTerminal()) {
            done.complete(null);
        }
        return done;
    }

    // ---- failure injection --------------------------------------------------------------------------------------------

    /**
     * Mail: throw {@code failure} once this subtask has taken in {@code records} records in this attempt (a source:
     * emitted). Checked after every buffer, so it fires within one buffer of the count.
     */
    void failAtRecords(long records, RuntimeException failure) {
        mail(() -> processor.failAtRecords(records, failure));
    }

    /** Mail: throw {@code failure} in the task thread (failure injection). */
    void injectFailure(RuntimeException failure) {
        mail(() -> {
            throw failure;
        });
    }
}
