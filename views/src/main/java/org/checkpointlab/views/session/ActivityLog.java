package org.checkpointlab.views.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The session's human-readable log of what it did, oldest first, each line stamped with the wall-clock time. */
final class ActivityLog {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final LongSupplier clock;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final List<Consumer<String>> listeners = new ArrayList<>();

    /** @param clock the time in epoch milliseconds */
    ActivityLog(LongSupplier clock) {
        this.clock = clock;
    }

    ObservableList<String> lines() {
        return lines;
    }

    /** Hands each line logged from now on, without its time, to {@code listener}. */
    void onLog(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Adds "12:00:01  {@code line}". */
    void log(String line) {
        lines.add(CLOCK.format(Instant.ofEpochMilli(clock.getAsLong())) + "  " + line);
        listeners.forEach(l -> l.accept(line));
    }
}
