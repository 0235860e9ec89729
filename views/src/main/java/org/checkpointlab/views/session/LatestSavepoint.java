package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.SavepointResult;

/**
 * The newest savepoint the session's jobs wrote: the current job's, else the one a job wrote before it was replaced
 * (a rescale or a restore starts a new job with no savepoint of its own). The dialogs that open a savepoint start
 * there. FX thread only.
 */
final class LatestSavepoint {
    private final ObservableValue<JobClient> job;
    private Path earlier;

    LatestSavepoint(ObservableValue<JobClient> job) {
        this.job = job;
        job.addListener((obs, old, now) -> newest(old).ifPresent(path -> earlier = path));
    }

    Optional<Path> get() {
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
