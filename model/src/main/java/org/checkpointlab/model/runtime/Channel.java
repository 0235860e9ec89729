package org.checkpointlab.model.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.checkpointlab.model.observe.ChannelElementView;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * A channel from one sender subtask to one receiver subtask, with credit-based flow control.
 *
 * <p>The queue holds every element the sender handed over and the receiver has not consumed yet: Flink's output
 * subpartition and the receiver's input channel in one. The receiver grants {@link #capacity} credits: the sender
 * hands over a data buffer only while fewer than {@code capacity} are queued; otherwise it is backpressured.
 * Events (barriers, end of partition) need no credit. An unaligned barrier is a priority element: it is put at
 * the head of the queue and overtakes the buffers there, which the sender persists as in-flight data.
 *
 * <p>Threading: {@link #emit}, {@link #flush}, {@link #addEvent}, {@link #addPriorityBarrier} are called by the
 * sender's task thread only; {@link #poll}, {@link #setBlocked} by the receiver's task thread only;
 * {@link #snapshot} by any observer. Fields:
 * <ul>
 *   <li>{@code queue} — guarded by {@code this};</li>
 *   <li>{@code queuedBuffers} — data buffers in the queue; written under {@code this}, read by the sender without;</li>
 *   <li>{@code partial}, {@code partialSize} — the sender's buffer being filled; sender thread only (observers read
 *       {@code partialSize} racily, a stale value is fine);</li>
 *   <li>{@code blocked} — set by the receiver during alignment, read by observers;</li>
 *   <li>{@code buffersSent} — sender thread writes, observers read.</li>
 * </ul>
 */
public final class Channel {
    final Task sender;
    final Task receiver;
    /** Index of this channel in the receiver's input gate. */
    final int receiverChannelIndex;
    /** Which input (edge) of the receiver's head operator this channel feeds. */
    final int receiverInput;
    final String fromOperator;
    final String toOperator;
    final Partitioning partitioning;
    final int capacity;
    final int bufferSize;

    private final ArrayDeque<ChannelElement> queue = new ArrayDeque<>();
    private volatile int queuedBuffers;
    private volatile boolean priorityPending;
    private volatile boolean blocked;
    private volatile long buffersSent;

    private StreamRecord[] partial;
    private int partialSize;

    Channel(Task sender, Task receiver, int receiverChannelIndex, int receiverInput, String fromOperator,
            String toOperator, Partitioning partitioning, int capacity, int bufferSize) {
        this.sender = sender;
        this.receiver = receiver;
        this.receiverChannelIndex = receiverChannelIndex;
        this.receiverInput = receiverInput;
        this.fromOperator = fromOperator;
        this.toOperator = toOperator;
        this.partitioning = partitioning;
        this.capacity = capacity;
        this.bufferSize = bufferSize;
        this.partial = new StreamRecord[bufferSize];
    }

    // ---- sender side -------------------------------------------------------------------------------------------

    /** Appends a record to the buffer being filled; hands the buffer over when full. Sender thread. */
    void emit(StreamRecord record) {
        StreamRecord[] p = partial;
        int n = partialSize;
        p[n++] = record;
        partialSize = n;
        if (n == p.length) {
            handOverPartial();
        }
    }

    /** Hands over the partly filled buffer, if any. Sender thread. */
    void flush() {
        if (partialSize > 0) {
            handOverPartial();
        }
    }

    /** Whether the sender may hand over another buffer without exceeding the receiver's credits. */
    boolean hasCredit() {
        return queuedBuffers < capacity;
    }

    boolean hasPartialRecords() {
        return partialSize > 0;
    }

    private void handOverPartial() {
        Buffer buffer = new Buffer(partial, partialSize);
        partial = new StreamRecord[bufferSize];
        partialSize = 0;
        synchronized (this) {
            queue.addLast(buffer);
            queuedBuffers++;
        }
        buffersSent++;
        if (queuedBuffers >= capacity) {
            sender.outputMayBeFull();
        }
        receiver.wakeUp();
    }

    /** Appends an event after everything queued (an aligned barrier or the end of partition). Sender thread. */
    void addEvent(ChannelElement event) {
        flush();
        synchronized (this) {
            queue.addLast(event);
        }
        receiver.wakeUp();
    }

    /**
     * Puts an unaligned barrier ahead of every queued buffer (after the partly filled buffer is handed over) and
     * returns the buffers it overtook, oldest first: the sender's output in-flight data for this checkpoint.
     * Sender thread.
     */
    List<Buffer> addPriorityBarrier(CheckpointBarrier barrier) {
        flush();
        List<Buffer> overtaken = new ArrayList<>();
        synchronized (this) {
            // Events already at the head (earlier priority barriers) keep their place.
            ArrayDeque<ChannelElement> head = new ArrayDeque<>();
            while (!queue.isEmpty() && !(queue.peekFirst() instanceof Buffer)) {
                head.addLast(queue.pollFirst());
            }
            for (ChannelElement e : queue) {
                if (e instanceof Buffer b) {
                    overtaken.add(b);
                    b.markPersisted();
                }
            }
            queue.addFirst(barrier);
            while (!head.isEmpty()) {
                queue.addFirst(head.pollLast());
            }
            priorityPending = true;
        }
        receiver.priorityEventArrived();
        return overtaken;
    }

    // ---- receiver side -----------------------------------------------------------------------------------------

    /** Takes the head element, or returns {@code null} when the queue is empty. Receiver thread. */
    ChannelElement poll() {
        ChannelElement e;
        int remaining;
        synchronized (this) {
            e = queue.pollFirst();
            if (e == null) {
                return null;
            }
            if (e instanceof Buffer) {
                remaining = --queuedBuffers;
            } else {
                remaining = -1;
                if (e instanceof CheckpointBarrier b && b.unaligned()) {
                    priorityPending = hasPriorityBarrierLocked();
                }
            }
        }
        if (remaining >= 0 && remaining < capacity) {
            sender.wakeUp();
        }
        return e;
    }

    /** Whether an element is queued. Receiver thread (a stale answer only delays a poll). */
    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Whether an unaligned barrier is queued and not yet taken. */
    boolean hasPriorityBarrier() {
        return priorityPending;
    }

    /** The unaligned barrier waiting at the head (after other events), taken out of the queue, or null. */
    synchronized CheckpointBarrier pollPriorityBarrier() {
        for (Iterator<ChannelElement> it = queue.iterator(); it.hasNext(); ) {
            ChannelElement e = it.next();
            if (e instanceof Buffer) {
                return null;
            }
            if (e instanceof CheckpointBarrier b && b.unaligned()) {
                it.remove();
                priorityPending = hasPriorityBarrierLocked();
                return b;
            }
        }
        return null;
    }

    private boolean hasPriorityBarrierLocked() {
        for (ChannelElement e : queue) {
            if (e instanceof Buffer) {
                return false;
            }
            if (e instanceof CheckpointBarrier b && b.unaligned()) {
                return true;
            }
        }
        return false;
    }

    /** Marks the channel blocked (aligned barrier received, waiting for the others) or not. Receiver thread. */
    void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    boolean isBlocked() {
        return blocked;
    }

    int queuedBuffers() {
        return queuedBuffers;
    }

    // ---- observers ---------------------------------------------------------------------------------------------

    /** An immutable view of the channel now. Any thread; holds the channel's lock only to copy the queue. */
    public ChannelSnapshot snapshot() {
        List<ChannelElementView> views;
        synchronized (this) {
            views = new ArrayList<>(queue.size());
            for (ChannelElement e : queue) {
                views.add(viewOf(e));
            }
        }
        return new ChannelSnapshot(fromOperator, sender.subtaskIndex(), toOperator, receiver.subtaskIndex(),
                partitioning, views, partialSize, bufferSize, capacity, queuedBuffers, blocked, buffersSent);
    }

    private ChannelElementView viewOf(ChannelElement e) {
        if (e instanceof Buffer b) {
            return new ChannelElementView.BufferView(b.size(), bufferSize, b.isPersisted());
        }
        if (e instanceof CheckpointBarrier b) {
            return new ChannelElementView.BarrierView(b.checkpointId(), b.unaligned(), b.savepoint());
        }
        return new ChannelElementView.EndOfPartitionView();
    }

    /** The subtask index of the sender. */
    int senderIndex() {
        return sender.subtaskIndex();
    }

    @Override
    public String toString() {
        return fromOperator + "#" + sender.subtaskIndex() + " -> " + toOperator + "#" + receiver.subtaskIndex();
    }
}
