package org.checkpointlab.views.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.SavepointResult;

/**
 * The deployments of the pipeline on screen whose committed outputs belong together: a job started fresh, then every
 * job restored from a savepoint that one of them wrote (a rescale, a redeploy, a restore from the dialog). Their
 * sinks write to the same external system, so exactly-once is judged over all of them at once. A job started fresh,
 * or restored from a savepoint none of them wrote, starts a new chain. FX thread only.
 */
final class DeploymentChain {
    private final List<JobClient> jobs = new ArrayList<>();

    /** Follows the session to {@code next} (the job now shown; {@code null} when there is none). */
    void follow(JobClient next) {
        if (next == null) {
            jobs.clear();
            return;
        }
        if (jobs.contains(next)) {
            return;
        }
        var restore = next.config().restore();
        if (restore == null || !wroteSavepoint(restore.path())) {
            jobs.clear();
        }
        jobs.add(next);
    }

    /** The deployments before the current one, oldest first (empty for a job started fresh). */
    List<JobClient> earlier() {
        return jobs.isEmpty() ? List.of() : List.copyOf(jobs.subList(0, jobs.size() - 1));
    }

    /** How many deployments the chain has, the current one included. */
    int size() {
        return jobs.size();
    }

    private boolean wroteSavepoint(Path path) {
        Path wanted = path.toAbsolutePath().normalize();
        for (JobClient job : jobs) {
            for (SavepointResult s : job.savepoints()) {
                if (s.path().toAbsolutePath().normalize().equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
