package org.checkpointlab.views;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.live.JobMenuHints;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;

/**
 * The job controls of the toolbar and the Job menu, bound to the {@link LiveJobViewModel}: Run (disabled while a job
 * is active or being rescaled, or while the pipeline cannot run), Pause and Step (Step only while paused), Stop,
 * Checkpoint, the fail tool (the graph marked while it is armed), the barrier mode, and Job &gt; Rescale via
 * savepoint with the menu's hints. The buttons' tooltips name their menu shortcuts.
 */
final class JobControls {
    private final MainViewModel viewModel;
    private final LiveJobViewModel live;

    JobControls(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.live = viewModel.live();
    }

    void bindRun(Button runButton, MenuItem runItem) {
        BooleanBinding cannotRun = live.activeProperty().or(viewModel.rescalingProperty())
                .or(viewModel.runBlockedProperty().isNotEmpty());
        runButton.disableProperty().bind(cannotRun);
        runItem.disableProperty().bind(cannotRun);
        tooltip(runButton, Texts.get("main.tooltip.run"));
    }

    void bindPauseAndStep(ToggleButton pauseToggle, Button stepButton, MenuItem stepItem) {
        pauseToggle.selectedProperty().bindBidirectional(live.pausedProperty());
        // Nothing to pause: the running job's engine cannot, or no job runs and the pipeline cannot run either.
        pauseToggle.disableProperty().bind(activeJobLacks(JobClient.Capability.PAUSE_AND_STEP)
                .or(live.activeProperty().not().and(viewModel.runBlockedProperty().isNotEmpty())));
        BooleanBinding cannotStep = live.activeProperty().not().or(live.pausedProperty().not());
        stepButton.disableProperty().bind(cannotStep);
        stepItem.disableProperty().bind(cannotStep);
        tooltip(pauseToggle, Texts.get("main.tooltip.pause"));
        tooltip(stepButton, Texts.get("main.tooltip.step"));
    }

    void bindStopAndCheckpoint(Button stopButton, Button checkpointButton) {
        stopButton.disableProperty().bind(live.activeProperty().not());
        checkpointButton.disableProperty().bind(live.activeProperty().not());
        tooltip(stopButton, Texts.get("main.tooltip.stop"));
        tooltip(checkpointButton, Texts.get("main.tooltip.checkpoint"));
    }

    /** The fail tool: armed, the next subtask clicked on {@code graph} fails; only while a job is active. */
    void bindFailTool(ToggleButton failToggle, Node graph) {
        failToggle.selectedProperty().bindBidirectional(live.failToolArmedProperty());
        failToggle.disableProperty().bind(live.activeProperty().not());
        failToggle.selectedProperty().addListener((obs, old, armed) ->
                graph.pseudoClassStateChanged(MainStyles.FAIL_ARMED, armed));
    }

    void bindBarrierChoice(ChoiceBox<BarrierMode> barrierChoice) {
        barrierChoice.getItems().setAll(BarrierMode.values());
        barrierChoice.valueProperty().bindBidirectional(live.barrierModeProperty());
        barrierChoice.disableProperty().bind(activeJobLacks(JobClient.Capability.LIVE_CHECKPOINT_OPTIONS));
    }

    /** Slow motion, where the running job's engine has it. */
    void bindSpeed(Slider speedSlider) {
        speedSlider.disableProperty().bind(activeJobLacks(JobClient.Capability.SLOW_MOTION));
    }

    /**
     * True while the active job's engine lacks {@code capability}, so that its control would do nothing (the status
     * strip names what the engine cannot do).
     */
    private BooleanBinding activeJobLacks(JobClient.Capability capability) {
        JobSession session = viewModel.session();
        return Bindings.createBooleanBinding(() -> live.activeProperty().get() && session.job() != null
                && !session.job().supports(capability), live.activeProperty(), session.jobProperty());
    }

    /**
     * Adds Job &gt; Rescale via savepoint (running {@code openDialog}) and the hints on the Job menu's items; after
     * every other item is in the menu.
     */
    void addRescaleItemAndHints(Menu jobMenu, Runnable openDialog) {
        MenuItem rescale = new MenuItem(Texts.get("menu.job.rescale"));
        rescale.setId("rescale-item");
        rescale.setOnAction(event -> openDialog.run());
        rescale.disableProperty().bind(live.activeProperty().not()
                .or(viewModel.rescalingProperty()).or(viewModel.session().busyProperty()));
        jobMenu.getItems().add(rescale);
        JobMenuHints.install(jobMenu, live, viewModel.runBlockedProperty(), viewModel.rescalingProperty());
    }

    private static void tooltip(Control control, String text) {
        if (control.getTooltip() == null) {
            control.setTooltip(new Tooltip(text));
        }
    }
}
