package org.checkpointlab.views.live;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.JobSession;

/**
 * The live view's commands on the session's job: run, stop, step, checkpoint, fail a subtask. Each says what it did
 * in the {@link StatusStrip}, and a command the job cannot take now (none active, not paused, an engine without the
 * capability) is refused there with the reason. FX thread only.
 *
 * @param session owns the job and runs each command on it
 * @param strip   where each command says what it did, or why it was refused
 * @param active  the live view model's: true while a job is started and not yet terminal; a stop clears it at once
 */
record LiveJobCommands(JobSession session, StatusStrip strip, ReadOnlyBooleanWrapper active) {

    /** As {@link LiveJobViewModel#run()}, for {@code spec} ({@code null}: nothing to run). */
    boolean run(PipelineSpec spec, BarrierMode barrierMode, RuntimeOptions runtimeOptions) {
        if (spec == null || active.get()) {
            return false;
        }
        CheckpointOptions options;
        try {
            options = barrierMode.applyTo(RunningPipeline.fileOptions(spec)).validated();
        } catch (IllegalArgumentException e) {
            strip.announce(Texts.format("live.cannotRun", e.getMessage()));
            return false;
        }
        JobConfig config = JobConfig.of(spec).withCheckpointOptions(options).withRuntimeOptions(runtimeOptions);
        try {
            session.start(config);
        } catch (PipelineException e) {
            strip.announce(Texts.format("live.cannotRun", String.join("; ",
                    org.checkpointlab.views.session.Problems.of(e))));
            return false;
        }
        strip.announce(Texts.format("live.started", spec.name(), barrierMode));
        return true;
    }

    /** As {@link LiveJobViewModel#stop()}. */
    void stop() {
        JobClient running = session.job();
        if (running == null || !active.get()) {
            return;
        }
        session.cancel();
        active.set(false);
        strip.stopRequested(running.pipeline().name());
    }

    /** As {@link LiveJobViewModel#step()}. */
    void step() {
        if (!active.get()) {
            strip.announce(Texts.get("live.step.runFirst"));
            return;
        }
        if (!session.job().supports(JobClient.Capability.PAUSE_AND_STEP)) {
            strip.announce(Texts.get("live.step.unsupported"));
            return;
        }
        if (!session.step()) {
            strip.announce(Texts.get("live.step.pauseFirst"));
            return;
        }
        strip.stepStarted();
    }

    /** As {@link LiveJobViewModel#triggerCheckpoint()}. */
    void triggerCheckpoint() {
        if (!active.get()) {
            strip.announce(Texts.get("live.checkpoint.runFirst"));
            return;
        }
        strip.checkpointTriggered(session.triggerCheckpoint());
    }

    /** As {@link LiveJobViewModel#injectFailure(SubtaskKey)}. */
    boolean injectFailure(SubtaskKey subtask) {
        if (!active.get()) {
            strip.announce(Texts.get("live.fail.runFirst"));
            return false;
        }
        if (!session.job().supports(JobClient.Capability.FAILURE_INJECTION)) {
            strip.announce(Texts.get("live.fail.unsupported"));
            return false;
        }
        boolean injected = session.injectFailure(subtask.operatorId(), subtask.subtaskIndex());
        strip.announce(injected ? Texts.format("live.fail.injected", subtask)
                : Texts.format("live.fail.notRunning", subtask));
        return injected;
    }
}
