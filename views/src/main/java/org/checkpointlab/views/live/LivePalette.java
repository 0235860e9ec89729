package org.checkpointlab.views.live;

import javafx.scene.paint.Color;

/**
 * Colours of what the channel panels draw on their canvas, shared with the legend so the two always agree. The
 * stylesheet's tokens {@code -cl-barrier}, {@code -cl-barrier-unaligned}, {@code -cl-persisted} and
 * {@code -cl-blocked} carry the same values for the subtask borders.
 */
public final class LivePalette {
    /** A queued buffer of records (filled in proportion to its records). */
    public static final Color BUFFER = Color.web("#51627a");
    /** A free slot: a credit the receiver still offers the sender. */
    public static final Color CREDIT = Color.web("#b9c3d0");
    /** The sender's buffer being filled, not yet handed over (flushed when full or after the buffer timeout). */
    public static final Color OPEN_BUFFER = Color.web("#9aa8ba");
    /** A buffer an unaligned checkpoint captured as in-flight state. */
    public static final Color PERSISTED = Color.web("#d12f9e");
    /** An aligned checkpoint barrier. */
    public static final Color BARRIER = Color.web("#e68a00");
    /** An unaligned checkpoint barrier (it overtakes buffers). */
    public static final Color BARRIER_UNALIGNED = Color.web("#0d9488");
    /** A savepoint barrier (always aligned). */
    public static final Color BARRIER_SAVEPOINT = Color.web("#2563eb");
    /** A channel blocked by alignment. */
    public static final Color BLOCKED = Color.web("#c0392b");
    /** Background of a blocked channel's row. */
    public static final Color BLOCKED_BACKGROUND = Color.web("#fbe4e1");
    /** The end of a partition (the sender finished). */
    public static final Color END_OF_PARTITION = Color.web("#1e2630");
    /** Panel background and border, and its text. */
    public static final Color PANEL = Color.web("#ffffff", 0.93);
    public static final Color PANEL_BORDER = Color.web("#d8dee7");
    public static final Color TEXT = Color.web("#66758a");
    /** A subtask that just acknowledged a checkpoint flashes in this colour. */
    public static final Color ACK = Color.web("#22a565");

    private LivePalette() {
    }

    /** The colour of a barrier marker. */
    public static Color barrier(boolean unaligned, boolean savepoint) {
        return savepoint ? BARRIER_SAVEPOINT : unaligned ? BARRIER_UNALIGNED : BARRIER;
    }
}
