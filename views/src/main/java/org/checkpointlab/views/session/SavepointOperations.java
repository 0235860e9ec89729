package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.views.i18n.Texts;

/**
 * The session's commands that go through a savepoint: trigger one, stop with one, restore from one, and the two
 * that chain them as Flink requires (redeploy with another state backend or restart strategy, rescale). The
 * blocking work runs on the {@link TaskRunner}; the outcome comes back on the FX thread, where the
 * {@link JobSession} replaces its job. Package-private: the session's public methods are the entry points.
 */
final class SavepointOperations {
    private static final long SAVEPOINT_TIMEOUT_SECONDS = Redeployment.SAVEPOINT_TIMEOUT_SECONDS;

    private final JobSession session;
    private final JobLauncher launcher;
    private final TaskRunner runner;
    private final LongSupplier clock;

    SavepointOperations(JobSession session, JobLauncher launcher, TaskRunner runner, LongSupplier clock) {
        this.session = session;
        this.launcher = launcher;
        this.runner = runner;
        this.clock = clock;
    }

    /** Triggers a savepoint into {@link #session.nextSavepointPath()}; the job keeps running. */
    void triggerSavepoint(Consumer<SavepointResult> onDone, Consumer<List<String>> onProblems) {
        JobClient current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        Path target = session.nextSavepointPath();
        session.log(Texts.format("sp.triggering", target));
        session.setBusy(true);
        runner.run(() -> current.triggerSavepoint(target).get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                result -> {
                    session.setBusy(false);
                    session.log(Texts.format("sp.written", result.checkpointId(), result.path(),
                            Units.bytes(result.sizeBytes()), result.durationMillis()));
                    session.refresh();
                    onDone.accept(result);
                },
                error -> failed(Texts.get("sp.failed"), error, onProblems));
    }

    /** Stop-with-savepoint, with or without drain (see {@link JobSession#stopWithSavepoint}). */
    void stopWithSavepoint(boolean drain, Consumer<SavepointResult> onDone, Consumer<List<String>> onProblems) {
        JobClient current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        Path target = session.nextSavepointPath();
        session.log(Texts.format(drain ? "sp.draining" : "sp.stopping", target));
        session.setBusy(true);
        runner.run(() -> current.stopWithSavepoint(target, drain).get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                result -> {
                    session.setBusy(false);
                    session.log(Texts.format("sp.stopped", result.checkpointId(), drain ? Texts.get("sp.drained") : "",
                            result.path()));
                    session.refresh();
                    onDone.accept(result);
                },
                error -> failed(Texts.get("sp.stopFailed"), error, onProblems));
    }

    /**
     * Starts the current pipeline from a savepoint with new settings; only once the new job runs is the current one
     * cancelled. If the engine refuses (bad savepoint, parallelism above max parallelism, unmatched state), the
     * current job is left exactly as it was and {@code onProblems} gets every problem.
     *
     * @param customize changes the restore config (parallelism, backend, incremental) before the start
     */
    void restore(SavepointRestore restore, java.util.function.UnaryOperator<JobConfig> customize,
                        Consumer<JobClient> onStarted, Consumer<List<String>> onProblems) {
        JobClient current = session.job();
        if (current == null) {
            onProblems.accept(List.of(Texts.get("sp.nothingToRestore")));
            return;
        }
        JobConfig config = customize.apply(current.config()
                .withCheckpointOptions(current.checkpointOptions()).withRestore(restore));
        session.log(Texts.format("sp.restoring", restore.path()));
        session.setBusy(true);
        runner.run(() -> launcher.start(config),
                started -> {
                    session.setBusy(false);
                    session.replaceJob(started);
                    session.addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESTORE, Texts.format(
                            "sp.restoredEvent", restore.path().getFileName(), config.backend().cliName())));
                    session.log(Texts.format("sp.restoredLog", restore.path(), started.pipeline().operators()
                            .stream().map(o -> o.id() + "=" + o.parallelism()).toList(),
                            config.backend().cliName()));
                    onStarted.accept(started);
                },
                error -> failed(Texts.get("sp.restoreRefused"), error, onProblems));
    }

    /**
     * Changes the state backend and restart strategy of the running job the way Flink requires: a
     * {@link Redeployment} to the new settings (the old ones again if the engine refuses them).
     */
    void redeploy(StateBackendKind backend, boolean incremental, RestartStrategy restartStrategy,
                  Consumer<JobClient> onStarted, Consumer<List<String>> onProblems) {
        JobClient current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        JobConfig old = current.config().withCheckpointOptions(current.checkpointOptions());
        String what = Texts.format("sp.redeploy.what", incremental
                ? Texts.format("sp.redeploy.incremental", backend.cliName()) : backend.cliName(),
                RestartStrategies.describe(restartStrategy));
        redeploy(new Redeployment(current, session.nextSavepointPath(),
                old.withBackend(backend).withIncremental(incremental).withRestartStrategy(restartStrategy), old),
                Texts.format("sp.changingTo", what), Texts.format("sp.redeployedWith", what),
                Texts.get("sp.oldSettings"), onStarted,
                (refused, problems) -> onProblems.accept(refused), onProblems);
    }

    /**
     * Rescale via savepoint, as Flink requires: a {@link Redeployment} to the plan's parallelism; keyed state
     * follows its key groups to the new subtasks. A plan with problems is refused before the job is touched. If the
     * engine refuses the new parallelism, the job starts again from the savepoint with the old one, so no state is
     * lost, and {@code onProblems} says why.
     */
    void rescale(RescalePlan plan, Consumer<JobClient> onStarted, Consumer<List<String>> onProblems) {
        if (!plan.feasible()) {
            onProblems.accept(plan.problems());
            return;
        }
        JobClient current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        current.pipeline().operators().forEach(o -> before.put(o.id(), o.parallelism()));
        JobConfig old = current.config().withCheckpointOptions(current.checkpointOptions());
        redeploy(new Redeployment(current, session.nextSavepointPath(), old.withParallelism(plan.parallelism()),
                old.withParallelism(before)), Texts.format("sp.rescaling", plan.describe()),
                Texts.format("sp.rescaled", plan.describe()), Texts.get("sp.oldParallelism"), onStarted,
                (refused, problems) -> {
                    List<String> out = new ArrayList<>();
                    out.add(Texts.get("sp.notRescaled"));
                    out.addAll(refused);
                    onProblems.accept(out);
                }, onProblems);
    }

    /** Runs {@code redeployment} in the background; the job it leaves running replaces the session's. */
    private void redeploy(Redeployment redeployment, String what, String applied, String previous,
                          Consumer<JobClient> onStarted, BiConsumer<List<String>, JobClient> onRefused,
                          Consumer<List<String>> onProblems) {
        session.log(Texts.format("sp.step1", what, redeployment.target()));
        session.setBusy(true);
        runner.run(() -> redeployment.run(launcher), done -> {
            session.setBusy(false);
            session.log(Texts.format("sp.step1Done", done.savepoint().checkpointId(), done.savepoint().path()));
            session.replaceJob(done.job());
            if (done.applied()) {
                session.addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESTORE, applied));
                session.log(Texts.format("sp.step2Done", applied));
                onStarted.accept(done.job());
            } else {
                session.addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESTORE, Texts.format("sp.restoredWith",
                        previous)));
                session.log(Texts.format("sp.step2Refused", previous, String.join("; ", done.refused())));
                onRefused.accept(done.refused(), done.job());
            }
        }, error -> failed(Texts.format("sp.whatFailed", what), error, onProblems));
    }

    private JobClient requireRunning(Consumer<List<String>> onProblems) {
        JobClient current = session.job();
        if (current == null) {
            onProblems.accept(List.of(Texts.get("session.noRunningJob")));
            return null;
        }
        if (current.status().isTerminal()) {
            onProblems.accept(List.of(current.status() == org.checkpointlab.model.observe.JobStatus.FINISHED
                    ? Texts.get("sp.alreadyFinished") : Texts.format("sp.alreadyEnded", current.status())));
            return null;
        }
        return current;
    }

    private void failed(String what, Throwable error, Consumer<List<String>> onProblems) {
        session.setBusy(false);
        List<String> problems = Problems.of(error);
        session.log(Texts.format("sp.problems", what, String.join("; ", problems)));
        onProblems.accept(problems);
    }
}
