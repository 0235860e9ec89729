package org.checkpointlab.model.state;

/**
 * A stream record as state holds it (for example records buffered by a window or a two-phase-commit sink's open
 * transaction): its key, its value and its sequence number. The runtime maps its own record type to this one so
 * that {@link StateSerializer} can write it into checkpoints.
 */
public record StateRecord(Object key, Object value, long seq) {
}
