package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.SavepointResult;

/**
 * Where the session's savepoints are: the folder new ones go into (each in a timestamped sub-directory of its own),
 * and the newest one its jobs wrote: the current job's, else the one a job wrote before it was replaced (a rescale
 * or a restore starts a new job with no savepoint of its own). The dialogs that open a savepoint start there. FX
 * thread only.
 */
final class SavepointLocations {
    private static final DateTimeFormatter DIR_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneId.systemDefault());

    private final ObjectProperty<Path> directory = new SimpleObjectProperty<>(this, "savepointDirectory");
    private final ObservableValue<JobClient> job;
    private final LongSupplier clock;
    private Path earlier;

    /**
     * @param directory the folder new savepoints go into
     * @param job       the session's job
     * @param clock     epoch ms now, for the sub-directories' names
     */
    SavepointLocations(Path directory, ObservableValue<JobClient> job, LongSupplier clock) {
        this.directory.set(Objects.requireNonNull(directory, "directory"));
        this.job = job;
        this.clock = clock;
        job.addListener((obs, old, now) -> newest(old).ifPresent(path -> earlier = path));
    }

    ObjectProperty<Path> directoryProperty() {
        return directory;
    }

    /** A new, not yet existing directory for the next savepoint inside {@link #directoryProperty()}. */
    Path next() {
        return directory.get().resolve("savepoint-" + DIR_STAMP.format(Instant.ofEpochMilli(clock.getAsLong())));
    }

    /** The newest savepoint the session's jobs wrote, the current job's first, if any. */
    Optional<Path> latest() {
        return newest(job.getValue()).or(() -> Optional.ofNullable(earlier));
    }

    private static Optional<Path> newest(JobClient client) {
        if (client == null) {
            return Optional.empty();
        }
        List<SavepointResult> all = client.savepoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).path());
    }
}
