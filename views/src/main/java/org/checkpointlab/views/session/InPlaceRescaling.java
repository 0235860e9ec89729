package org.checkpointlab.views.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.value.ChangeListener;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.views.i18n.Texts;

/**
 * A rescale of the running job in place ({@link JobClient.Capability#RESCALE_IN_PLACE}, Flink's adaptive scheduler):
 * the request goes to the engine on the {@link TaskRunner}; once accepted, the activity log says so, and when the
 * session's snapshots show the job at the new parallelism with every subtask running, the charts get a rescale
 * marker and the activity log a line. If the job ends or is replaced first, nothing more is said. Package-private:
 * {@link JobSession#rescaleInPlace} is the entry point. FX thread only.
 */
final class InPlaceRescaling {
    private static final long ACCEPT_TIMEOUT_SECONDS = 60;

    private final JobSession session;
    private final TaskRunner runner;
    private final LongSupplier clock;

    InPlaceRescaling(JobSession session, TaskRunner runner, LongSupplier clock) {
        this.session = session;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Asks the running job for {@code parallelism} (operator id to new parallelism; unchanged operators may be
     * left out). {@code onAccepted} runs once the engine took the request; {@code onProblems} gets why not.
     */
    void request(Map<String, Integer> parallelism, Runnable onAccepted, Consumer<List<String>> onProblems) {
        JobClient job = session.job();
        if (job == null || job.status().isTerminal()) {
            onProblems.accept(List.of(Texts.get("session.noRunningJob")));
            return;
        }
        if (!job.supports(JobClient.Capability.RESCALE_IN_PLACE)) {
            onProblems.accept(List.of(Texts.get("rescaleInPlace.unsupported")));
            return;
        }
        Map<String, Integer> changes = changes(job, parallelism);
        if (changes.isEmpty()) {
            onProblems.accept(List.of(Texts.get("rescaleInPlace.nothingChanges")));
            return;
        }
        String what = describe(job, changes);
        session.log(Texts.format("rescaleInPlace.requesting", what));
        session.setBusy(true);
        runner.run(() -> job.rescaleInPlace(changes).get(ACCEPT_TIMEOUT_SECONDS, TimeUnit.SECONDS), accepted -> {
            session.setBusy(false);
            session.log(Texts.format("rescaleInPlace.accepted", what));
            followUntilApplied(job, changes, what);
            onAccepted.run();
        }, error -> {
            session.setBusy(false);
            List<String> problems = Problems.of(error);
            session.log(Texts.format("sp.problems", Texts.get("rescaleInPlace.failed"), String.join("; ",
                    problems)));
            onProblems.accept(problems);
        });
    }

    /** The entries of {@code wanted} that change an operator's parallelism (an unknown one: the engine names it). */
    private static Map<String, Integer> changes(JobClient job, Map<String, Integer> wanted) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        wanted.forEach((id, p) -> {
            boolean same = job.pipeline().operators().stream()
                    .anyMatch(op -> op.id().equals(id) && op.parallelism() == p);
            if (!same) {
                changes.put(id, p);
            }
        });
        return changes;
    }

    /** "Count per key 2 → 3, Sink 1 → 2". */
    static String describe(JobClient job, Map<String, Integer> changes) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Integer> e : changes.entrySet()) {
            OperatorSpec op = job.pipeline().operators().stream().filter(o -> o.id().equals(e.getKey()))
                    .findFirst().orElse(null);
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(op == null ? e.getKey() : op.name()).append(' ')
                    .append(op == null ? "?" : Integer.toString(op.parallelism())).append(" \u2192 ")
                    .append(e.getValue());
        }
        return s.toString();
    }

    /** Marks the rescale once the session's snapshots show {@code job} running at the new parallelism. */
    private void followUntilApplied(JobClient job, Map<String, Integer> changes, String what) {
        ChangeListener<JobSnapshot> follow = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends JobSnapshot> obs, JobSnapshot old,
                                JobSnapshot snapshot) {
                if (session.job() != job || snapshot == null || snapshot.status().isTerminal()) {
                    obs.removeListener(this);
                } else if (applied(job, snapshot, changes)) {
                    obs.removeListener(this);
                    session.addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESCALE,
                            Texts.format("rescaleInPlace.event", what)));
                    session.log(Texts.format("rescaleInPlace.applied", what));
                }
            }
        };
        session.snapshotProperty().addListener(follow);
    }

    /** Whether every changed operator runs its new number of subtasks, all of them RUNNING. */
    static boolean applied(JobClient job, JobSnapshot snapshot, Map<String, Integer> changes) {
        for (Map.Entry<String, Integer> e : changes.entrySet()) {
            long running = snapshot.subtasks().stream().filter(s -> s.operatorIds().contains(e.getKey()))
                    .filter(s -> s.status() == SubtaskStatus.RUNNING).count();
            boolean sized = job.pipeline().operators().stream()
                    .anyMatch(op -> op.id().equals(e.getKey()) && op.parallelism() == e.getValue());
            if (!sized || running != e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
