package org.checkpointlab.views;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Label;
import org.checkpointlab.views.live.LiveJobViewModel;

/**
 * The live status strip under the toolbar: the job line, why Run is not possible (in its place while no job is
 * active), the checkpoint line, the recovery line and the latest announcement (unless the checkpoint line already
 * says the same).
 */
final class LiveStatusStrip {
    private LiveStatusStrip() {
    }

    /** Binds the strip's labels, in the order they stand in it. */
    static void bind(MainViewModel viewModel, Label jobLabel, Label runProblemLabel, Label checkpointLabel,
                     Label recoveryLabel, Label announcementLabel) {
        LiveJobViewModel live = viewModel.live();
        runProblemLabel.textProperty().bind(viewModel.runBlockedProperty());
        BooleanBinding showRunProblem = viewModel.runBlockedProperty().isNotEmpty().and(live.activeProperty().not());
        runProblemLabel.visibleProperty().bind(showRunProblem);
        runProblemLabel.managedProperty().bind(showRunProblem);
        // "Ready: press Run" is not shown beside the reason it cannot run.
        jobLabel.textProperty().bind(Bindings.createStringBinding(() -> showRunProblem.get()
                && live.jobLineProperty().get().startsWith(LiveJobViewModel.READY) ? ""
                : live.jobLineProperty().get(), showRunProblem, live.jobLineProperty()));
        jobLabel.managedProperty().bind(jobLabel.textProperty().isNotEmpty());
        checkpointLabel.textProperty().bind(live.checkpointLineProperty());
        recoveryLabel.textProperty().bind(live.recoveryLineProperty());
        announcementLabel.textProperty().bind(Bindings.createStringBinding(
                () -> live.announcementProperty().get().equals(live.checkpointLineProperty().get()) ? ""
                        : live.announcementProperty().get(),
                live.announcementProperty(), live.checkpointLineProperty()));
    }
}
