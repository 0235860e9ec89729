package org.checkpointlab.views.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The session's human-readable log of what it did, oldest first, each line stamped with the wall-clock time. */
final class ActivityLog {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final LongSupplier clock;
    private final ObservableList<String> lines = FXCollections.observableArrayList();

    /** @param clock the time in epoch milliseconds */
    ActivityLog(LongSupplier clock) {
        this.clock = clock;
    }

    ObservableList<String> lines() {
        return lines;
    }

    /** Adds "12:00:01  {@code line}". */
    void log(String line) {
        lines.add(CLOCK.format(Instant.ofEpochMilli(clock.getAsLong())) + "  " + line);
    }
}
