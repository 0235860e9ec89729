package org.checkpointlab.views.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the exception history panel: a failure or a recovery, with its wall-clock time.
 *
 * @param timestamp epoch ms
 * @param failure   true for a failure, false for a recovery
 * @param text      what happened
 */
public record HistoryEntry(long timestamp, boolean failure, String text) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Override
    public String toString() {
        return TIME.format(Instant.ofEpochMilli(timestamp)) + "  " + text;
    }
}
