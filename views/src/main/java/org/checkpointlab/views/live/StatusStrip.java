package org.checkpointlab.views.live;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;

/**
 * The status strip's four lines as the live view model publishes them: the job line, the checkpoint line, the
 * latest announcement and the recovery line. Each frame updates them from its snapshot ({@link StatusLines});
 * commands announce what they did, and the outcome of a step or of a checkpoint triggered by hand is announced on a
 * later frame. While the fail tool is armed, its hint is the announcement until the tool is used or disarmed.
 * FX thread only.
 */
final class StatusStrip {
    private final StatusLines lines;
    private final ObservableBooleanValue failToolArmed;
    private final ReadOnlyStringWrapper jobLine = new ReadOnlyStringWrapper(this, "jobLine", "");
    private final ReadOnlyStringWrapper checkpointLine = new ReadOnlyStringWrapper(this, "checkpointLine", "");
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper(this, "announcement", "");
    private final ReadOnlyStringWrapper recoveryLine = new ReadOnlyStringWrapper(this, "recoveryLine", "");
    private CompletableFuture<CheckpointStats> pendingTrigger;
    /** A step was started and its end not yet announced. */
    private boolean stepping;
    private String stopping; // the pipeline's name while a stop asked here has not ended the job
    /** A command's announcement stays this long before routine checkpoint news may take its place. */
    static final long HOLD_MILLIS = 8_000;
    private final LongSupplier wallClock;
    private long heldUntil;

    /**
     * @param wallClock     epoch ms now, for the restart countdown
     * @param failToolArmed whether the fail tool is armed
     */
    StatusStrip(LongSupplier wallClock, ObservableBooleanValue failToolArmed) {
        this.lines = new StatusLines(wallClock);
        this.wallClock = wallClock;
        this.failToolArmed = failToolArmed;
        failToolArmed.addListener((obs, was, armed) -> {
            if (armed) {
                announcement.set(LiveJobViewModel.FAIL_ARMED_HINT);
            } else if (LiveJobViewModel.FAIL_ARMED_HINT.equals(announcement.get())) {
                announcement.set("");
            }
        });
    }

    /** "RUNNING, attempt 2, 41,200 records/s", or ready to run the pipeline shown. */
    ReadOnlyStringProperty jobLineProperty() {
        return jobLine.getReadOnlyProperty();
    }

    ReadOnlyStringProperty checkpointLineProperty() {
        return checkpointLine.getReadOnlyProperty();
    }

    /** What a command did, or the latest checkpoint news. */
    ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    ReadOnlyStringProperty recoveryLineProperty() {
        return recoveryLine.getReadOnlyProperty();
    }

    /** What a command did (a savepoint written, a failure injected): kept a while against routine checkpoint news. */
    void announce(String text) {
        announcement.set(text);
        heldUntil = wallClock.getAsLong() + HOLD_MILLIS;
    }

    /** Another pipeline is shown ({@code null}: none): ready to run it, nothing else to say. */
    void pipelineShown(PipelineSpec spec) {
        jobLine.set(spec == null ? "" : LiveJobViewModel.READY + spec.name());
        checkpointLine.set("");
        announcement.set("");
        recoveryLine.set("");
    }

    /** A stop was asked for the job of {@code pipelineName}; once the job has ended, a frame says it stopped. */
    void stopRequested(String pipelineName) {
        stopping = pipelineName;
        announcement.set(Texts.format("live.stopping", pipelineName));
    }

    /** The session's job changed ({@code null}: none): the lines start over for it. */
    void jobReplaced(JobClient next) {
        lines.reset(next);
        pendingTrigger = null;
        stepping = false;
        stopping = null;
    }

    /** A step started; its end is announced by {@link #announceStepEnd(JobClient)}. */
    void stepStarted() {
        stepping = true;
        announcement.set(Texts.get("live.step.stepping"));
    }

    /** A checkpoint was triggered by hand; if it cannot start, a later frame says why. */
    void checkpointTriggered(CompletableFuture<CheckpointStats> trigger) {
        pendingTrigger = trigger;
        announcement.set(Texts.get("live.checkpoint.triggered"));
    }

    /** The lines from the frame's snapshot of {@code job}. */
    void showFrame(JobClient job, JobSnapshot s, long nowNanos) {
        checkpointLine.set(lines.checkpointLine(s));
        lines.checkpointNews(s).ifPresent(news -> {
            // the armed fail tool's hint stays until it is used or cancelled; a command's result for a while
            if (!failToolArmed.get() && wallClock.getAsLong() >= heldUntil) {
                announcement.set(news);
            }
        });
        settlePendingTrigger();
        if (stopping != null && s.status().isTerminal()) {
            announcement.set(Texts.format("live.stopped", stopping));
            stopping = null;
        }
        jobLine.set(lines.jobLine(job, s, nowNanos));
        recoveryLine.set(lines.recoveryLine(s));
    }

    /** Once a step started here has ended, says where it stopped. */
    void announceStepEnd(JobClient job) {
        if (stepping && !job.isStepping()) {
            stepping = false;
            org.checkpointlab.model.observe.StepEvent event = job.lastStep();
            announcement.set(event == null ? Texts.get("live.step.ended")
                    : Texts.format("live.step.steppedTo", StepEventTexts.of(event)));
        }
    }

    /** A checkpoint triggered by hand that could not start says why. */
    private void settlePendingTrigger() {
        if (pendingTrigger != null && pendingTrigger.isDone()) {
            try {
                pendingTrigger.join();
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                announcement.set(Texts.format("live.checkpoint.notTriggered",
                        org.checkpointlab.views.checkpoints.CheckpointFailureTexts.whyNotTriggered(cause)));
            }
            pendingTrigger = null;
        }
    }
}
