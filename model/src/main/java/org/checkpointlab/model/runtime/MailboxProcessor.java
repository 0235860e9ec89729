package org.checkpointlab.model.runtime;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * The loop of one {@link Task}'s thread: mail first, then deadlines (buffer timeout, timers, alignment timeout),
 * then the default action, which processes input (Flink's {@code MailboxProcessor} running
 * {@code StreamTask.processInput}, with the input processor of a one-input task or the emission of a source).
 *
 * <p>Flink reaches the default action and the input processor through interfaces; here the loop, the per-buffer
 * input processing and the waits are one final class, so the per-record path has no call it did not have before:
 * the per-record loop is in {@link #processInput()} and checks two plain fields per record. Everything else about
 * the task (its thread, life cycle, set-up, checkpoint mail, observation) is in {@link Task}.
 *
 * <p>Threading: all of it runs on the task's thread except {@link #mail}, {@link #wakeUp}, {@link #attention()}
 * and {@link #cancel()}, which other threads call (through the task) to hand it work or wake it.
 */
final class MailboxProcessor {
    private static final long PAUSE_POLL_NANOS = 5_000_000;

    private final Task task;
    /** The task's thread, to wake it. */
    private final Thread thread;
    private final TaskListener listener;
    private final RuntimeContext runtime;
    private final TaskClock clock;
    private final IoTimeAccounting ioTime;
    private final ProcessingTimeService timeService;
    private final List<Channel> outputChannels;
    private final TaskMailbox mailbox = new TaskMailbox();

    // ---- task-thread state, set once in open ----------------------------------------------------------------------
    private ExecutionThrottle throttle;
    private ExecutionThrottle.Pacer pacer;
    private OperatorChain operatorChain;
    private SubtaskCheckpointCoordinator checkpoints;
    private StreamOperator head;
    private OperatorCounters headCounters;
    private SourceOperator source;
    /** The input side; null for a source. */
    private CheckpointedInputGate inputGate;

    // ---- task-thread state --------------------------------------------------------------------------------------
    private boolean outputMaybeFull;
    private boolean endOfDataReported;
    private boolean sourceExhausted;
    private boolean finishRequested;
    /** Records in (records out for a source) at which this subtask throws {@link #recordFailure}. */
    private long failAtRecords = Long.MAX_VALUE;
    private RuntimeException recordFailure;
    private long nextFlushNanos;

    // ---- shared with other threads --------------------------------------------------------------------------------
    private volatile boolean attention;
    private volatile boolean waiting;
    private volatile boolean cancelled;

    MailboxProcessor(Task task, Thread thread, TaskListener listener, RuntimeContext runtime, TaskClock clock,
                     IoTimeAccounting ioTime, ProcessingTimeService timeService, List<Channel> outputChannels) {
        this.task = task;
        this.thread = thread;
        this.listener = listener;
        this.runtime = runtime;
        this.clock = clock;
        this.ioTime = ioTime;
        this.timeService = timeService;
        this.outputChannels = outputChannels;
    }

    /** Task thread, once the operators are open: what the loop runs over. */
    void open(ExecutionThrottle throttle, OperatorChain ops, SubtaskCheckpointCoordinator checkpoints,
              CheckpointedInputGate inputGate) {
        this.throttle = throttle;
        this.pacer = throttle.pacer();
        this.operatorChain = ops;
        this.checkpoints = checkpoints;
        this.head = ops.head();
        this.headCounters = ops.headCounters();
        this.source = ops.source();
        this.inputGate = inputGate;
        this.nextFlushNanos = clock.nanoTime() + runtime.bufferTimeoutNanos();
    }

    /** The input gate's events for this loop (created before {@link #open}, as the gate is). */
    CheckpointedInputGate.Events gateEvents() {
        return new GateEvents();
    }

    /** An operator registered a timer due at {@code due}: the loop wakes no later than that. */
    void timerRegistered(long due) {
        nextFlushNanos = Math.min(nextFlushNanos, due);
    }

    // ---- any thread ------------------------------------------------------------------------------------------------

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

    /** Something must be handled before the next record (a priority event, cancellation). */
    void attention() {
        attention = true;
        LockSupport.unpark(thread);
    }

    void cancel() {
        cancelled = true;
        attention();
    }

    boolean isCancelled() {
        return cancelled;
    }

    // ---- the task thread -------------------------------------------------------------------------------------------

    /** Only ever called on this task's own thread (as the sender of a channel). */
    void outputMayBeFull() {
        outputMaybeFull = true;
    }

    /** Runs until every input ended (or the source was told to finish); throws {@link CancelledException}. */
    void runMailboxLoop() throws Exception {
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

    private void waitFor(IoTimeAccounting.IoState kind, long maxNanos) {
        long start = ioTime.beginWait(kind);
        waiting = true;
        try {
            if (!attention && !conditionMet(kind)) {
                long until = Math.min(nextFlushNanos - start, maxNanos);
                if (until > 0) {
                    LockSupport.parkNanos(task, until);
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

    // ---- the end of the input and failure injection (task thread, cold) -------------------------------------------

    /** What the input gate tells this task. */
    private final class GateEvents implements CheckpointedInputGate.Events {
        @Override
        public void endOfData() throws Exception {
            reachEndOfData();
        }

        @Override
        public void barrierArrived(CheckpointBarrier barrier, Channel channel) {
            // While the job steps to the next barrier event: tells it that the barrier reached this subtask.
            throttle.barrierEvent(() -> org.checkpointlab.model.observe.StepEvent.barrierReached(barrier.checkpointId(),
                    task.headOperatorId(), task.subtaskIndex(), channel.fromOperator, channel.senderIndex()));
        }
    }

    private void reachEndOfData() throws Exception {
        operatorChain.endInput();
        for (Channel c : outputChannels) {
            c.addEvent(EndOfData.INSTANCE);
        }
        if (!endOfDataReported) {
            endOfDataReported = true;
            listener.endOfDataReached(task);
        }
    }

    private void sourceReachedEnd() throws Exception {
        sourceExhausted = true;
        reachEndOfData();
    }

    /** Mail: the final checkpoint completed, a source that ran out ends its partitions. */
    void finishSource() {
        finishRequested = true;
    }

    /** Mail: a source that has not run out ends its input now (a stop-with-savepoint with drain). */
    void drainSource() {
        if (source != null && !sourceExhausted) {
            source.drain();
        }
    }

    /** Mail: throw {@code failure} once {@code records} records went in (a source: out). */
    void failAtRecords(long records, RuntimeException failure) {
        recordFailure = failure;
        failAtRecords = records;
    }

    /** Thrown in the task thread to unwind it when the task is cancelled. */
    static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
