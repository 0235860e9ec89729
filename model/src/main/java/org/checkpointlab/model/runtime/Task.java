package org.checkpointlab.model.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.state.StateBackendFactory;

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
 * and the job's {@link ExecutionThrottle} pauses, slows or steps it. Time comes only from a {@link TaskClock}.
 *
 * <p><b>Flow control.</b> Emitting never blocks. When a handed-over buffer uses a channel's last credit the task
 * marks its output as possibly full; before the next record it checks every output channel and, if one has no
 * credit, waits (backpressured) while still answering mail and unaligned barriers. Waiting for input is idle time.
 */
public final class Task {
    private static final long PAUSE_POLL_NANOS = 5_000_000;

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

    // ---- task-thread state --------------------------------------------------------------------------------------
    private final TaskMailbox mailbox = new TaskMailbox();
    private ExecutionThrottle throttle;
    private ExecutionThrottle.Pacer pacer;
    /*
     * Set once in setUp. Observers read these references racily (null before setUp): what they read through them
     * is final or volatile, so that is safe, and the task thread's per-buffer reads stay plain.
     */
    private OperatorChain operatorChain;
    private SubtaskCheckpointCoordinator checkpoints;
    private StreamOperator head;
    private OperatorCounters headCounters;
    private SourceOperator source;
    /** The input side; null for a source. */
    private CheckpointedInputGate inputGate;
    private boolean outputMaybeFull;
    private boolean endOfDataReported;
    private boolean sourceExhausted;
    private boolean finishRequested;
    /** Records in (records out for a source) at which this subtask throws {@link #recordFailure}. */
    private long failAtRecords = Long.MAX_VALUE;
    private RuntimeException recordFailure;
    private long nextFlushNanos;

    // ---- shared with observers and other threads ----------------------------------------------------------------
    private volatile SubtaskStatus status = SubtaskStatus.CREATED;
    private volatile boolean attention;
    private volatile boolean waiting;
    private volatile boolean cancelled;
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
        mailbox.put(action);
        attention = true;
        LockSupport.unpark(thread);
    }

    /** An element arrived or a credit came back: wake the task if it waits. */
    void wakeUp() {
        if (waiting) {
            LockSupport.unpark(thread);
        }
    }

    void outputMayBeFull() {
        outputMaybeFull = true; // only ever called on this task's own thread (as the sender)
    }

    void priorityEventArrived() {
        attention = true;
        LockSupport.unpark(thread);
    }

    /** Cancels the task: it stops at the next record boundary. */
    void cancel() {
        if (!status.isTerminal()) {
            cancelled = true;
            attention = true;
            LockSupport.unpark(thread);
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
        throttle = runtime.throttle();
        pacer = throttle.pacer();
        try {
            status = SubtaskStatus.RESTORING;
            setUp();
            if (!cancelled) {
                status = SubtaskStatus.RUNNING;
                loop();
            }
            if (cancelled) {
                status = SubtaskStatus.CANCELED;
            } else {
                operatorChain.close();
                status = SubtaskStatus.FINISHED;
                listener.taskFinished(this);
            }
        } catch (CancelledException e) {
            status = SubtaskStatus.CANCELED;
        } catch (Throwable t) {
            if (cancelled) {
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
        ops.open(writers, runtime, sinkStore, timeService, due -> nextFlushNanos = Math.min(nextFlushNanos, due));
        head = ops.head();
        headCounters = ops.headCounters();
        source = ops.source();
        ChannelStateWriter channelStateWriter = new ChannelStateWriter(headOperatorId(), subtaskIndex, inputs.size());
        checkpoints = new SubtaskCheckpointCoordinator(this, ops, channelStateWriter, listener, asyncExecutor,
                storage, clock);
        if (!inputs.isEmpty()) {
            inputGate = new CheckpointedInputGate(inputs, checkpoints, channelStateWriter, clock, new GateEvents());
        }
        nextFlushNanos = clock.nanoTime() + runtime.bufferTimeoutNanos();
        // Step (3): replay persisted in-flight data before any new input.
        if (restore != null) {
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

    private void loop() throws Exception {
        while (true) {
            if (attention) {
                attention = false;
                handleAttention();
            }
            long now = clock.nanoTime();
            if (now >= nextFlushNanos) {
                onDeadlines(now);
            }
            if (throttle.engaged() && throttle.paused()) {
                waitFor(IoTimeAccounting.IoState.IDLE, PAUSE_POLL_NANOS);
                continue;
            }
            if (checkpoints.isSuspended()) {
                waitFor(IoTimeAccounting.IoState.IDLE, Long.MAX_VALUE);
                continue;
            }
            if (outputMaybeFull && !outputsHaveCredit()) {
                waitFor(IoTimeAccounting.IoState.BACK_PRESSURED, Long.MAX_VALUE);
                continue;
            }
            if (source != null) {
                if (finishRequested) {
                    break;
                }
                if (sourceExhausted) {
                    waitFor(IoTimeAccounting.IoState.IDLE, Long.MAX_VALUE);
                    continue;
                }
                int emitted = source.emit(SourceOperator.BATCH);
                if (headCounters.recordsOut >= failAtRecords) {
                    throw recordFailure;
                }
                if (emitted == SourceOperator.END_OF_DATA) {
                    sourceReachedEnd();
                } else if (emitted == 0) {
                    waitFor(IoTimeAccounting.IoState.IDLE, source.nanosUntilNextRecord());
                }
            } else {
                if (inputGate == null || inputGate.allPartitionsEnded()) {
                    break;
                }
                if (!processInput()) {
                    waitFor(IoTimeAccounting.IoState.IDLE, Long.MAX_VALUE);
                }
            }
        }
        // Every input ended (or the source was told to finish): flush and tell the receivers.
        for (Channel c : outputChannels) {
            c.addEvent(EndOfPartition.INSTANCE);
        }
    }

    private void handleAttention() throws Exception {
        if (cancelled) {
            throw new CancelledException();
        }
        TaskMailbox.Mail mail;
        while ((mail = mailbox.tryTake()) != null) {
            mail.run();
            if (cancelled) {
                throw new CancelledException();
            }
        }
        // Unaligned barriers overtake everything, even a blocked task: take them now.
        if (inputGate != null) {
            inputGate.pollPriorityBarriers();
        }
    }

    /** Flushes partly filled buffers after the buffer timeout, fires due timers, checks the alignment timeout. */
    private void onDeadlines(long now) throws Exception {
        for (Channel c : outputChannels) {
            if (c.hasPartialRecords() && c.hasCredit()) {
                c.flush();
            }
        }
        long timeout = runtime.bufferTimeoutNanos();
        nextFlushNanos = now + (timeout == 0 ? 1_000_000 : timeout);
        if (timeService.hasTimers() && !checkpoints.isSuspended()) {
            nextFlushNanos = Math.min(nextFlushNanos, timeService.fireDueTimers(now, operatorChain::fireTimer));
        }
        if (inputGate != null) {
            nextFlushNanos = Math.min(nextFlushNanos, inputGate.checkAlignmentTimeout(now));
        }
    }

    private boolean outputsHaveCredit() {
        for (Channel c : outputChannels) {
            if (!c.hasCredit()) {
                return false;
            }
        }
        outputMaybeFull = false;
        return true;
    }

    /** While the job steps to the next barrier event: tells it that barrier {@code b} reached this subtask. */
    private void stepEvent(CheckpointBarrier b, Channel from) {
        throttle.barrierEvent(() -> "barrier " + b.checkpointId() + " reached " + headOperatorId() + " #"
                + subtaskIndex + " from " + from.fromOperator + " #" + from.senderIndex());
    }

    /** Processes the rest of the current buffer, or takes the next element. False when nothing was available. */
    private boolean processInput() throws Exception {
        CheckpointedInputGate gate = inputGate;
        Buffer buffer = gate.currentBuffer();
        if (buffer == null) {
            return gate.pollNext();
        }
        StreamRecord[] records = buffer.array();
        int size = buffer.size();
        int i = gate.currentPosition();
        int start = i;
        StreamOperator head = this.head;
        int input = gate.currentInput();
        double speed = throttle.engaged() ? throttle.speed() : 1.0;
        if (speed < 1.0) {
            // Slow motion: one record at a time, each taking longer, so barriers cross at human speed.
            head.processRecord(records[i++], input);
            pacer.recordProcessed(speed);
        } else {
            while (i < size) {
                head.processRecord(records[i++], input);
                if (attention || outputMaybeFull) {
                    break;
                }
            }
        }
        headCounters.recordsIn += i - start;
        gate.consumedUpTo(i);
        if (headCounters.recordsIn >= failAtRecords) {
            throw recordFailure;
        }
        return true;
    }

    /** Sync phase of an unaligned checkpoint: the unprocessed rest of the current input buffer is in-flight data. */
    void persistUnprocessedInput(ChannelStateWriter.WriteResult result) {
        if (inputGate != null) {
            inputGate.persistUnprocessedInput(result);
        }
    }

    /** What the input gate tells this task. */
    private final class GateEvents implements CheckpointedInputGate.Events {
        @Override
        public void endOfData() throws Exception {
            reachEndOfData();
        }

        @Override
        public void barrierArrived(CheckpointBarrier barrier, Channel channel) {
            stepEvent(barrier, channel);
        }
    }

    private void reachEndOfData() throws Exception {
        operatorChain.endInput();
        for (Channel c : outputChannels) {
            c.addEvent(EndOfData.INSTANCE);
        }
        if (!endOfDataReported) {
            endOfDataReported = true;
            listener.endOfDataReached(this);
        }
    }

    private void sourceReachedEnd() throws Exception {
        sourceExhausted = true;
        reachEndOfData();
    }

    /** Mail from the job once the final checkpoint completed: a source that ran out ends its partitions. */
    void requestFinish() {
        mail(() -> finishRequested = true);
    }

    /**
     * Mail from the job for a stop-with-savepoint with drain: a source ends its input now (its next snapshot marks
     * it finished), so every operator downstream sees the end of its input and flushes, as with Flink's
     * MAX_WATERMARK. Nothing happens in a task that is not a source or whose source already ran out.
     */
    void drainSource() {
        mail(() -> {
            if (source != null && !sourceExhausted) {
                source.drain();
            }
        });
    }

    private void waitFor(IoTimeAccounting.IoState kind, long maxNanos) {
        long start = ioTime.beginWait(kind);
        waiting = true;
        try {
            if (!attention && !conditionMet(kind)) {
                long until = Math.min(nextFlushNanos - start, maxNanos);
                if (until > 0) {
                    LockSupport.parkNanos(this, until);
                }
            }
        } finally {
            waiting = false;
            ioTime.endWait();
        }
    }

    private boolean conditionMet(IoTimeAccounting.IoState kind) {
        if (kind == IoTimeAccounting.IoState.BACK_PRESSURED) {
            for (Channel c : outputChannels) {
                if (!c.hasCredit()) {
                    return false;
                }
            }
            return true;
        }
        return source == null && inputGate.hasAvailableInput();
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

    /** Mail from the coordinator to a source task: take checkpoint {@code barrier} now. */
    void triggerCheckpoint(CheckpointBarrier barrier) {
        mail(() -> {
            throttle.barrierEvent(() -> "source " + headOperatorId() + " #" + subtaskIndex + " sent barrier "
                    + barrier.checkpointId());
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
        mail(() -> {
            recordFailure = failure;
            failAtRecords = records;
        });
    }

    /** Mail: throw {@code failure} in the task thread (failure injection). */
    void injectFailure(RuntimeException failure) {
        mail(() -> {
            throw failure;
        });
    }

    /** Thrown in the task thread to unwind it when the task is cancelled. */
    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
