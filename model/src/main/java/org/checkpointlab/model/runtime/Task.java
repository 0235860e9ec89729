package org.checkpointlab.model.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.state.StateHandle;

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
 * <p><b>Flow control.</b> Emitting never blocks. When a handed-over buffer uses a channel's last credit the task
 * marks its output as possibly full; before the next record it checks every output channel and, if one has no
 * credit, waits (backpressured) while still answering mail and unaligned barriers. Waiting for input is idle time.
 */
public final class Task implements BarrierActions {
    private static final long PAUSE_POLL_NANOS = 5_000_000;
    /** In slow motion each record takes this long, divided by the speed, on every subtask. */
    private static final long SLOW_MOTION_RECORD_NANOS = 2_000;
    /**
     * Slow motion sleeps once this much delay has added up, not after every record: a sleep of tens of microseconds
     * per record on every subtask kept the cores busy in the kernel, for a job that hardly runs.
     */
    private static final long SLOW_MOTION_SLEEP_NANOS = 1_000_000;
    private static final int WAIT_NONE = 0;
    private static final int WAIT_IDLE = 1;
    private static final int WAIT_BACKPRESSURED = 2;

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
    private final List<Channel> inputs = new ArrayList<>();
    private final List<RecordWriter> writers = new ArrayList<>();
    private final List<Channel> outputChannels = new ArrayList<>();
    private final Thread thread;

    // ---- task-thread state --------------------------------------------------------------------------------------
    private final ConcurrentLinkedQueue<Mail> mailbox = new ConcurrentLinkedQueue<>();
    private StreamOperator[] operators;
    /** Published once, complete, in setUp; read by observers (volatile) and, per record, by this thread. */
    private volatile OperatorCounters[] counters;
    private KeyedStateBackend[] keyedBackends;
    private OperatorStateBackend[] operatorBackends;
    private SourceOperator source;
    private BarrierHandler barrierHandler;
    private boolean outputMaybeFull;
    private Buffer currentBuffer;
    private int currentPos;
    private int currentChannel;
    private int nextChannel;
    private int endedData;
    private int endedPartitions;
    private boolean[] channelEndedData;
    private boolean[] channelEnded;
    private boolean endOfDataReported;
    private boolean sourceExhausted;
    private boolean finishRequested;
    /**
     * The stop-with-savepoint this subtask snapshotted ({@link SnapshotType#SUSPEND}), or -1: while set, it emits,
     * processes and fires nothing, until the savepoint is aborted (processing resumes) or the job finishes it.
     */
    private long suspendedFor = -1;
    /** Records in (records out for a source) at which this subtask throws {@link #recordFailure}. */
    private long failAtRecords = Long.MAX_VALUE;
    private RuntimeException recordFailure;
    /** Bytes of records processed while barriers of {@link #processedForCheckpoint} were being collected. */
    private long processedDuringAlignment;
    private long processedForCheckpoint = -1;
    private long nextFlushNanos;
    private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final Map<Long, PendingSnapshot> pending = new HashMap<>();
    /** Per input channel, the pending unaligned checkpoint whose in-flight data it is persisting, or null. */
    private PendingSnapshot[] persisting;

    // ---- shared with observers and other threads ----------------------------------------------------------------
    private volatile SubtaskStatus status = SubtaskStatus.CREATED;
    private volatile boolean attention;
    private volatile boolean waiting;
    private volatile boolean cancelled;
    private volatile int waitKind = WAIT_NONE;
    private volatile long waitStartNanos;
    private volatile long idleNanos;
    private volatile long backPressuredNanos;
    private volatile long startNanos;
    private volatile boolean syncPhase;
    private volatile int asyncInProgress;
    private volatile long stateSizeBytes;
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
        BarrierHandler h = barrierHandler;
        return h == null ? new BarrierHandlerState.WaitingForFirstBarrier() : h.state();
    }

    List<Channel> inputChannels() {
        return inputs;
    }

    List<Channel> outputChannels() {
        return outputChannels;
    }

    boolean inSyncPhase() {
        return syncPhase;
    }

    int asyncSnapshotsInProgress() {
        return asyncInProgress;
    }

    long stateSizeBytes() {
        return stateSizeBytes;
    }

    long restoredCheckpointId() {
        return restoredCheckpointId;
    }

    /** Per operator of the chain: records in and out so far (racy reads). */
    long[][] recordCounts() {
        OperatorCounters[] c = counters;
        long[][] result = new long[chain.size()][2];
        if (c != null) {
            for (int i = 0; i < c.length; i++) {
                result[i][0] = c[i].recordsIn;
                result[i][1] = c[i].recordsOut;
            }
        }
        return result;
    }

    /** Cumulative idle and backpressured nanos, counting a wait in progress, and the task's start time. */
    long[] timeCounters(long now) {
        long idle = idleNanos;
        long bp = backPressuredNanos;
        int kind = waitKind;
        long since = waitStartNanos;
        if (kind == WAIT_IDLE && since > 0) {
            idle += Math.max(0, now - since);
        } else if (kind == WAIT_BACKPRESSURED && since > 0) {
            bp += Math.max(0, now - since);
        }
        return new long[] {idle, bp, startNanos};
    }

    String describe() {
        return thread.getName();
    }

    // ---- mail and wake-ups (any thread) ---------------------------------------------------------------------------

    /** Runs {@code action} on the task thread, between records. */
    void mail(Mail action) {
        mailbox.add(action);
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
        startNanos = System.nanoTime();
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
                closeOperators();
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
        int n = chain.size();
        operators = new StreamOperator[n];
        keyedBackends = new KeyedStateBackend[n];
        operatorBackends = new OperatorStateBackend[n];
        // Filled before it is published: observers read the counters array from other threads.
        OperatorCounters[] c = new OperatorCounters[n];
        for (int i = 0; i < n; i++) {
            c[i] = new OperatorCounters(chain.get(i).id());
        }
        counters = c;
        // Step (1): create the state backends and restore them.
        for (int i = 0; i < n; i++) {
            ChainedOperator op = chain.get(i);
            if (op.keyed()) {
                KeyGroupRange range = KeyGroups.rangeForOperatorIndex(op.maxParallelism(), parallelism,
                        subtaskIndex);
                keyedBackends[i] = backends.createKeyedBackend(op.id(), subtaskIndex, range, op.maxParallelism());
            }
            operatorBackends[i] = backends.createOperatorBackend(op.id(), subtaskIndex);
            if (restore != null) {
                List<byte[]> keyed = restore.keyedState().get(op.id());
                if (keyed != null && keyedBackends[i] != null) {
                    keyedBackends[i].restore(keyed);
                }
                List<byte[]> opState = restore.operatorState().get(op.id());
                if (opState != null) {
                    operatorBackends[i].restore(opState, subtaskIndex, parallelism);
                }
            }
        }
        if (restore != null) {
            restoredCheckpointId = restore.checkpointId();
        }
        // Step (2): create and wire the operators, last first, so each knows its output.
        Output out = networkOutput();
        for (int i = n - 1; i >= 0; i--) {
            operators[i] = runtime.operatorFactory().create(chain.get(i));
            OperatorContextImpl ctx = new OperatorContextImpl(i, out);
            operators[i].open(ctx);
            out = i > 0 ? new ChainedOutput(operators[i], counters[i - 1], counters[i], this) : null;
        }
        if (operators[0] instanceof SourceOperator s) {
            source = s;
        }
        int channels = inputs.size();
        channelEnded = new boolean[channels];
        channelEndedData = new boolean[channels];
        persisting = new PendingSnapshot[channels];
        if (channels > 0) {
            barrierHandler = new BarrierHandler(channels, this);
        }
        nextFlushNanos = System.nanoTime() + runtime.bufferTimeoutNanos();
        // Step (3): replay persisted in-flight data before any new input.
        if (restore != null) {
            for (Map.Entry<Integer, List<StreamRecord>> e : restore.replay().entrySet()) {
                int input = inputs.get(e.getKey()).receiverInput;
                for (StreamRecord r : e.getValue()) {
                    counters[0].recordsIn++;
                    operators[0].processRecord(r, input);
                }
            }
        }
        updateStateSize();
    }

    private Output networkOutput() {
        OperatorCounters tail = counters[counters.length - 1];
        if (writers.isEmpty()) {
            return record -> tail.recordsOut++;
        }
        if (writers.size() == 1) {
            writers.get(0).countInto(tail);
            return writers.get(0);
        }
        return new FanOutOutput(writers.toArray(new Output[0]), tail);
    }

    private void loop() throws Exception {
        while (true) {
            if (attention) {
                attention = false;
                handleAttention();
            }
            long now = System.nanoTime();
            if (now >= nextFlushNanos) {
                onDeadlines(now);
            }
            if (runtime.paused()) {
                waitFor(WAIT_IDLE, PAUSE_POLL_NANOS);
                continue;
            }
            if (suspendedFor >= 0) {
                waitFor(WAIT_IDLE, Long.MAX_VALUE);
                continue;
            }
            if (outputMaybeFull && !outputsHaveCredit()) {
                waitFor(WAIT_BACKPRESSURED, Long.MAX_VALUE);
                continue;
            }
            if (source != null) {
                if (finishRequested) {
                    break;
                }
                if (sourceExhausted) {
                    waitFor(WAIT_IDLE, Long.MAX_VALUE);
                    continue;
                }
                int emitted = source.emit(SourceOperator.BATCH);
                if (counters[0].recordsOut >= failAtRecords) {
                    throw recordFailure;
                }
                if (emitted == SourceOperator.END_OF_DATA) {
                    sourceReachedEnd();
                } else if (emitted == 0) {
                    waitFor(WAIT_IDLE, source.nanosUntilNextRecord());
                }
            } else {
                if (endedPartitions == inputs.size()) {
                    break;
                }
                if (!processInput()) {
                    waitFor(WAIT_IDLE, Long.MAX_VALUE);
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
        Mail mail;
        while ((mail = mailbox.poll()) != null) {
            mail.run();
            if (cancelled) {
                throw new CancelledException();
            }
        }
        // Unaligned barriers overtake everything, even a blocked task: take them now.
        for (int c = 0; c < inputs.size(); c++) {
            Channel ch = inputs.get(c);
            if (ch.hasPriorityBarrier()) {
                CheckpointBarrier b = ch.pollPriorityBarrier();
                if (b != null) {
                    stepEvent(b, ch);
                    barrierHandler.barrierReceived(c, b, System.nanoTime());
                }
            }
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
        if (!timers.isEmpty() && suspendedFor < 0) {
            long wall = System.currentTimeMillis();
            while (!timers.isEmpty() && timers.peek()[0] <= wall) {
                long[] t = timers.poll();
                operators[(int) t[1]].onProcessingTime(t[0]);
            }
            if (!timers.isEmpty()) {
                nextFlushNanos = Math.min(nextFlushNanos, now + (timers.peek()[0] - wall) * 1_000_000L);
            }
        }
        if (barrierHandler != null) {
            barrierHandler.checkAlignmentTimeout(now);
            nextFlushNanos = Math.min(nextFlushNanos, barrierHandler.alignmentDeadlineNanos());
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
        if (runtime.stepping()) {
            runtime.barrierEvent("barrier " + b.checkpointId() + " reached " + headOperatorId() + " #" + subtaskIndex
                    + " from " + from.fromOperator + " #" + from.senderIndex());
        }
    }

    /** Slow-motion delay owed by the records processed so far (negative: slept too long, the next ones are free). */
    private long slowMotionOwedNanos;

    /** Adds one record's slow-motion delay; sleeps when a millisecond has added up. */
    private void slowDown(double speed) {
        slowMotionOwedNanos += (long) (SLOW_MOTION_RECORD_NANOS / speed);
        if (slowMotionOwedNanos >= SLOW_MOTION_SLEEP_NANOS) {
            long start = System.nanoTime();
            LockSupport.parkNanos(slowMotionOwedNanos);
            // Oversleeping is paid back by the next records, up to one sleep (not after a pause of minutes).
            slowMotionOwedNanos = Math.max(-SLOW_MOTION_SLEEP_NANOS,
                    slowMotionOwedNanos - (System.nanoTime() - start));
        }
    }

    /** Processes the rest of the current buffer, or takes the next element. False when nothing was available. */
    private boolean processInput() throws Exception {
        Buffer buffer = currentBuffer;
        if (buffer != null) {
            StreamRecord[] records = buffer.array();
            int size = buffer.size();
            int i = currentPos;
            int start = i;
            StreamOperator head = operators[0];
            int input = inputs.get(currentChannel).receiverInput;
            double speed = runtime.speed();
            if (speed < 1.0) {
                // Slow motion: one record at a time, each taking longer, so barriers cross at human speed.
                head.processRecord(records[i++], input);
                slowDown(speed);
            } else {
                while (i < size) {
                    head.processRecord(records[i++], input);
                    if (attention || outputMaybeFull) {
                        break;
                    }
                }
            }
            counters[0].recordsIn += i - start;
            currentPos = i;
            if (counters[0].recordsIn >= failAtRecords) {
                throw recordFailure;
            }
            if (i == size) {
                currentBuffer = null;
            }
            return true;
        }
        int n = inputs.size();
        for (int k = 0; k < n; k++) {
            int c = nextChannel;
            nextChannel = c + 1 == n ? 0 : c + 1;
            Channel ch = inputs.get(c);
            if (channelEnded[c] || ch.isBlocked()) {
                continue;
            }
            ChannelElement e = ch.poll();
            if (e == null) {
                continue;
            }
            if (e instanceof Buffer b) {
                CheckpointBarrier collecting = barrierHandler.currentBarrier();
                if (collecting != null) {
                    if (collecting.checkpointId() != processedForCheckpoint) {
                        processedForCheckpoint = collecting.checkpointId();
                        processedDuringAlignment = 0;
                    }
                    processedDuringAlignment += b.estimatedBytes();
                }
                PendingSnapshot p = persisting[c];
                if (p != null) {
                    p.persistInput(c, b.array(), 0, b.size());
                }
                currentBuffer = b;
                currentPos = 0;
                currentChannel = c;
            } else if (e instanceof CheckpointBarrier b) {
                stepEvent(b, inputs.get(c));
                barrierHandler.barrierReceived(c, b, System.nanoTime());
            } else if (e == EndOfData.INSTANCE) {
                channelEndedData[c] = true;
                if (++endedData == n) {
                    reachEndOfData();
                }
            } else {
                channelEnded[c] = true;
                endedPartitions++;
                if (!channelEndedData[c]) {
                    channelEndedData[c] = true;
                    if (++endedData == n) {
                        reachEndOfData();
                    }
                }
                barrierHandler.channelFinished(c, System.nanoTime());
            }
            return true;
        }
        return false;
    }

    private void reachEndOfData() throws Exception {
        for (int i = 0; i < operators.length; i++) {
            operators[i].endInput();
        }
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

    private void waitFor(int kind, long maxNanos) {
        long start = System.nanoTime();
        waitStartNanos = start;
        waitKind = kind;
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
            long waited = System.nanoTime() - start;
            if (kind == WAIT_IDLE) {
                idleNanos += waited;
            } else {
                backPressuredNanos += waited;
            }
            waitKind = WAIT_NONE;
        }
    }

    private boolean conditionMet(int kind) {
        if (kind == WAIT_BACKPRESSURED) {
            for (Channel c : outputChannels) {
                if (!c.hasCredit()) {
                    return false;
                }
            }
            return true;
        }
        if (source != null) {
            return false;
        }
        for (int c = 0; c < inputs.size(); c++) {
            Channel ch = inputs.get(c);
            if (!channelEnded[c] && !ch.isBlocked() && !ch.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void closeOperators() throws Exception {
        for (StreamOperator op : operators) {
            op.close();
        }
    }

    private void releaseResources() {
        for (PendingSnapshot p : pending.values()) {
            p.abort();
        }
        pending.clear();
        if (keyedBackends != null) {
            for (KeyedStateBackend b : keyedBackends) {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    // ---- checkpoints ------------------------------------------------------------------------------------------------

    /** Mail from the coordinator to a source task: take checkpoint {@code barrier} now. */
    void triggerCheckpoint(CheckpointBarrier barrier) {
        mail(() -> {
            if (runtime.stepping()) {
                runtime.barrierEvent("source " + headOperatorId() + " #" + subtaskIndex + " sent barrier "
                        + barrier.checkpointId());
            }
            snapshot(barrier, barrier.unaligned(), 0, 0);
            if (barrier.unaligned()) {
                allBarriersReceived(barrier.checkpointId(), 0);
            }
        });
    }

    /** Mail from the coordinator: checkpoint {@code checkpointId} completed. */
    void notifyCheckpointComplete(long checkpointId) {
        mail(() -> {
            for (StreamOperator op : operators) {
                op.notifyCheckpointComplete(checkpointId);
            }
        });
    }

    /** Mail from the coordinator: checkpoint {@code checkpointId} failed; release what it holds here. */
    void abortCheckpoint(long checkpointId) {
        mail(() -> {
            if (barrierHandler != null) {
                barrierHandler.abort(checkpointId);
            }
            PendingSnapshot p = pending.remove(checkpointId);
            if (p != null) {
                p.abort();
            }
            if (suspendedFor == checkpointId) {
                suspendedFor = -1; // the stop-with-savepoint failed: the job goes on
            }
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

    @Override
    public void blockChannel(int channel) {
        inputs.get(channel).setBlocked(true);
    }

    @Override
    public void unblockAllChannels() {
        for (Channel c : inputs) {
            c.setBlocked(false);
        }
    }

    /**
     * The sync phase, in the task thread with processing stopped:
     * Step (1) let operators prepare (a two-phase-commit sink pre-commits);
     * Step (2) forward the barrier on every output (unaligned: ahead of the queued buffers, which become output
     * in-flight data);
     * Step (3) unaligned: the unprocessed rest of the current input buffer becomes input in-flight data;
     * Step (4) take copy-on-write snapshots of every state backend;
     * Step (5) hand the async phase to the async executor.
     */
    @Override
    public void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos, long startDelayNanos) {
        long syncStart = System.nanoTime();
        syncPhase = true;
        long id = barrier.checkpointId();
        PendingSnapshot p = new PendingSnapshot(id, barrier, unaligned, alignmentNanos, startDelayNanos);
        try {
            for (StreamOperator op : operators) {
                op.prepareSnapshot(id);
            }
            CheckpointBarrier outgoing = unaligned ? barrier.asUnaligned() : barrier;
            for (Channel c : outputChannels) {
                if (unaligned) {
                    List<Buffer> overtaken = c.addPriorityBarrier(outgoing);
                    String key = TaskStateSnapshot.channelKey(c.toOperator, c.receiver.subtaskIndex(),
                            c.receiverChannelIndex);
                    for (Buffer b : overtaken) {
                        p.persistOutput(key, b);
                    }
                } else {
                    c.addEvent(outgoing);
                }
            }
            if (unaligned && currentBuffer != null) {
                p.persistInput(currentChannel, currentBuffer.array(), currentPos, currentBuffer.size());
            }
            for (int i = 0; i < operators.length; i++) {
                p.keyed[i] = keyedBackends[i] == null ? null : keyedBackends[i].snapshot(id, barrier.savepoint());
                p.operator[i] = operatorBackends[i].snapshot(id);
            }
        } catch (Exception e) {
            throw new OperatorException(describe() + " snapshot of checkpoint " + id, e);
        } finally {
            syncPhase = false;
        }
        if (barrier.type().isSynchronous()) {
            suspendedFor = id;
        }
        if (!unaligned) {
            p.processedBytes = processedBytesFor(id);
        }
        p.syncNanos = System.nanoTime() - syncStart;
        p.asyncStartNanos = System.nanoTime();
        pending.put(id, p);
        asyncInProgress++;
        CompletableFuture.runAsync(p::writeState, asyncExecutor)
                .thenCombine(p.channelStateComplete, (a, b) -> null)
                .whenComplete((ignored, error) -> p.finish(error));
        if (!unaligned) {
            p.channelStateComplete.complete(null);
        }
    }

    @Override
    public void startPersisting(int channel, long checkpointId) {
        persisting[channel] = pending.get(checkpointId);
    }

    @Override
    public void stopPersisting(int channel, long checkpointId) {
        PendingSnapshot p = persisting[channel];
        if (p != null && p.checkpointId == checkpointId) {
            persisting[channel] = null;
        }
    }

    @Override
    public void allBarriersReceived(long checkpointId, long alignmentNanos) {
        PendingSnapshot p = pending.get(checkpointId);
        if (p != null) {
            p.alignmentNanos = Math.max(p.alignmentNanos, alignmentNanos);
            p.processedBytes = processedBytesFor(checkpointId);
            p.channelStateComplete.complete(null);
        }
    }

    @Override
    public void decline(long checkpointId, String reason) {
        PendingSnapshot p = pending.remove(checkpointId);
        if (p != null) {
            p.abort();
        }
        listener.declineCheckpoint(this, checkpointId, reason);
    }

    private long processedBytesFor(long checkpointId) {
        return processedForCheckpoint == checkpointId ? processedDuringAlignment : 0;
    }

    private void updateStateSize() {
        long size = 0;
        for (int i = 0; i < chain.size(); i++) {
            if (keyedBackends[i] != null) {
                size += keyedBackends[i].approximateSizeBytes();
            }
            size += operatorBackends[i].approximateSizeBytes();
        }
        stateSizeBytes = size;
    }

    /**
     * One checkpoint in progress at this subtask: the sync-phase snapshots, in-flight data being collected, and
     * the async phase. Fields before {@link #writeState} is submitted are written by the task thread; in-flight
     * input is written by the task thread until {@link #channelStateComplete} completes, and read after it.
     */
    private final class PendingSnapshot {
        final long checkpointId;
        final CheckpointBarrier barrier;
        final boolean unaligned;
        final long startDelayNanos;
        final KeyedStateBackend.KeyedSnapshot[] keyed = new KeyedStateBackend.KeyedSnapshot[chain.size()];
        final OperatorStateBackend.OperatorSnapshot[] operator =
                new OperatorStateBackend.OperatorSnapshot[chain.size()];
        final Map<String, List<StreamRecord>> inputInFlight = new HashMap<>();
        final Map<String, List<StreamRecord>> outputInFlight = new HashMap<>();
        final CompletableFuture<Void> channelStateComplete = new CompletableFuture<>();
        long alignmentNanos;
        long syncNanos;
        long asyncStartNanos;
        long persistedBytes;
        long processedBytes;
        /** State bytes persisted (incremental: the delta) and the full state size; set by writeState. */
        volatile long checkpointedStateBytes;
        volatile long fullStateBytes;
        volatile List<OperatorSubtaskState> written;
        volatile boolean aborted;

        PendingSnapshot(long checkpointId, CheckpointBarrier barrier, boolean unaligned, long alignmentNanos,
                        long startDelayNanos) {
            this.checkpointId = checkpointId;
            this.barrier = barrier;
            this.unaligned = unaligned;
            this.alignmentNanos = alignmentNanos;
            this.startDelayNanos = startDelayNanos;
        }

        void persistInput(int channel, StreamRecord[] records, int from, int to) {
            String key = TaskStateSnapshot.channelKey(headOperatorId(), subtaskIndex, channel);
            List<StreamRecord> list = inputInFlight.computeIfAbsent(key, k -> new ArrayList<>());
            for (int i = from; i < to; i++) {
                list.add(records[i]);
            }
            persistedBytes += RecordSizes.estimate(records, from, to);
        }

        void persistOutput(String key, Buffer buffer) {
            List<StreamRecord> list = outputInFlight.computeIfAbsent(key, k -> new ArrayList<>());
            for (int i = 0; i < buffer.size(); i++) {
                list.add(buffer.get(i));
            }
            persistedBytes += buffer.estimatedBytes();
        }

        /** Async phase: serialize each backend's snapshot and store it. Runs on the async executor. */
        void writeState() {
            try {
                List<OperatorSubtaskState> states = new ArrayList<>();
                long checkpointedSize = 0;
                long fullSize = 0;
                for (int i = 0; i < chain.size(); i++) {
                    ChainedOperator op = chain.get(i);
                    StateHandle keyedHandle = null;
                    KeyGroupRange range = KeyGroupRange.empty();
                    if (keyed[i] != null) {
                        byte[] bytes = keyed[i].write();
                        keyedHandle = storage.store(checkpointId, op.id() + "-" + subtaskIndex + ".keyed", bytes);
                        checkpointedSize += sizeOr(keyed[i].checkpointedSize(), bytes.length);
                        fullSize += sizeOr(keyed[i].fullSize(), bytes.length);
                        range = KeyGroups.rangeForOperatorIndex(op.maxParallelism(), parallelism, subtaskIndex);
                    }
                    byte[] opBytes = operator[i].write();
                    StateHandle opHandle = storage.store(checkpointId, op.id() + "-" + subtaskIndex + ".operator",
                            opBytes);
                    checkpointedSize += opBytes.length;
                    fullSize += opBytes.length;
                    states.add(new OperatorSubtaskState(op.id(), subtaskIndex, parallelism, range, keyedHandle,
                            opHandle));
                }
                checkpointedStateBytes = checkpointedSize;
                fullStateBytes = fullSize;
                written = states;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** After the state is written and the in-flight data is complete: acknowledge (or decline). */
        void finish(Throwable error) {
            mail(() -> {
                asyncInProgress--;
                pending.remove(checkpointId);
                updateStateSize();
            });
            if (aborted) {
                discardWritten();
                return;
            }
            if (error != null) {
                discardWritten();
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                listener.declineCheckpoint(Task.this, checkpointId, describe() + ": " + cause.getMessage());
                return;
            }
            long now = System.nanoTime();
            SubtaskCheckpointStats stats = new SubtaskCheckpointStats(headOperatorId(), subtaskIndex,
                    System.currentTimeMillis(), (now - barrier.triggerNanos()) / 1_000_000,
                    syncNanos / 1_000_000, (now - asyncStartNanos) / 1_000_000, alignmentNanos / 1_000_000,
                    startDelayNanos / 1_000_000, checkpointedStateBytes + persistedBytes,
                    fullStateBytes + persistedBytes, processedBytes,
                    persistedBytes,
                    unaligned);
            listener.acknowledgeCheckpoint(Task.this, checkpointId,
                    new TaskStateSnapshot(written, inputInFlight, outputInFlight), stats);
        }

        /** The files of a snapshot no checkpoint will use: an aborted one, or one that failed part-way. */
        private void discardWritten() {
            List<OperatorSubtaskState> states = written;
            if (states != null) {
                states.forEach(OperatorSubtaskState::discard);
            }
        }

        private long sizeOr(long reported, long blobLength) {
            return reported == KeyedStateBackend.KeyedSnapshot.SIZE_OF_BLOB ? blobLength : reported;
        }

        void abort() {
            aborted = true;
            channelStateComplete.complete(null);
            for (int i = 0; i < keyed.length; i++) {
                if (keyed[i] != null) {
                    keyed[i].release();
                }
            }
            for (int c = 0; c < persisting.length; c++) {
                if (persisting[c] == this) {
                    persisting[c] = null;
                }
            }
        }
    }

    /** An action run on the task thread between records; may throw (the task then fails). */
    @FunctionalInterface
    interface Mail {
        void run() throws Exception;
    }

    /** Thrown in the task thread to unwind it when the task is cancelled. */
    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }

    private final class OperatorContextImpl implements OperatorContext {
        private final int index;
        private final Output output;

        OperatorContextImpl(int index, Output output) {
            this.index = index;
            this.output = output;
        }

        @Override
        public String operatorId() {
            return chain.get(index).id();
        }

        @Override
        public int subtaskIndex() {
            return subtaskIndex;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public int maxParallelism() {
            return chain.get(index).maxParallelism();
        }

        @Override
        public Map<String, Object> params() {
            return chain.get(index).params();
        }

        @Override
        public Output output() {
            return output;
        }

        @Override
        public KeyedStateBackend keyedState() {
            return keyedBackends[index];
        }

        @Override
        public OperatorStateBackend operatorState() {
            return operatorBackends[index];
        }

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public void registerProcessingTimeTimer(long timeMillis) {
            timers.add(new long[] {timeMillis, index});
            long dueIn = (timeMillis - System.currentTimeMillis()) * 1_000_000L;
            nextFlushNanos = Math.min(nextFlushNanos, System.nanoTime() + Math.max(0, dueIn));
        }

        @Override
        public SinkStore sinkStore() {
            return sinkStore;
        }

        @Override
        public boolean checkpointingEnabled() {
            return runtime.checkpointingEnabled();
        }

        @Override
        public double speed() {
            return runtime.speed();
        }
    }
}
