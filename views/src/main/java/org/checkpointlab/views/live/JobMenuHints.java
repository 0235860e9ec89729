package org.checkpointlab.views.live;

import org.checkpointlab.views.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Menu;
import org.checkpointlab.views.controls.MenuHints;

/**
 * The Job menu's run controls, enabled exactly when the toolbar's buttons are, each saying why not when greyed:
 * Run (a job runs, a rescale is under way, the pipeline has problems), Step (no running job, not paused), Stop and
 * Checkpoint now (no running job). Items are found by their shortcut, which translations keep.
 */
public final class JobMenuHints {
    static final String NO_RUNNING_JOB = Texts.get("hint.noRunningJob");

    private JobMenuHints() {
    }

    /**
     * @param runBlocked why the pipeline cannot run (its first problem), empty when it can
     * @param rescaling  whether a rescale is under way
     */
    public static void install(Menu jobMenu, LiveJobViewModel live, ObservableStringValue runBlocked,
                               ObservableBooleanValue rescaling) {
        var active = live.activeProperty();
        MenuHints.byAccelerator(jobMenu, "Shortcut+R").ifPresent(run -> MenuHints.explain(run,
                Bindings.createStringBinding(() -> active.get() ? Texts.get("hint.jobRunning")
                        : rescaling.get() ? Texts.get("hint.rescaling") : runBlocked.get().isEmpty() ? ""
                        : Texts.get("hint.pipelineProblems"), active, rescaling, runBlocked)));
        MenuHints.byAccelerator(jobMenu, "Shortcut+Shift+P").ifPresent(step -> MenuHints.explain(step,
                Bindings.createStringBinding(() -> !active.get() ? NO_RUNNING_JOB
                        : !live.pausedProperty().get() ? Texts.get("hint.pauseFirst") : "", active, live.pausedProperty())));
        for (String accelerator : new String[] {"Shortcut+T", "Shortcut+K"}) {
            MenuHints.byAccelerator(jobMenu, accelerator).ifPresent(item -> MenuHints.explain(item,
                    MenuHints.when(active.not(), NO_RUNNING_JOB)));
        }
    }
}
