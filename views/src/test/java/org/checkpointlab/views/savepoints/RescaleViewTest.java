package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.session.RescalePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rescale dialog driven through its spinners: problems show at once, Rescale hands the choice on and closes. */
@ExtendWith(ApplicationExtension.class)
class RescaleViewTest {
    /** numbers(2) -hash-> count(2) -forward-> sink(2). */
    private static final PipelineSpec RUNNING = new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "dialog",
            List.of(new OperatorSpec("numbers", null, "sequence-source", 2, null, Map.of()),
                    new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                    new OperatorSpec("sink", null, "discard-sink", 2, null, Map.of())),
            List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                    new EdgeSpec("count", "sink", Partitioning.FORWARD)),
            Map.of(), true);

    private final List<Map<String, Integer>> requested = new ArrayList<>();
    private Stage dialog;

    @Start
    void start(Stage stage) {
        dialog = RescaleView.showDialog(null, new RescaleViewModel(RUNNING, wanted -> {
            requested.add(wanted);
            return RescalePlan.of(RUNNING, wanted);
        }));
    }

    private void increment(FxRobot robot, String operator) {
        Spinner<?> spinner = robot.lookup("#parallelism-" + operator).queryAs(Spinner.class);
        robot.clickOn(spinner.lookup(".increment-arrow-button"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void forwardEdgeProblemShowsAtOnce_andRescaleStartsOnceBothEndsChange(FxRobot robot) {
        Node rescale = robot.lookup("#rescaleButton").query();
        assertThat(rescale.isDisabled()).isTrue();

        increment(robot, "count");
        assertThat(robot.lookup(".problem").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("forward").contains("count").contains("sink"));
        assertThat(rescale.isDisabled()).isTrue();

        increment(robot, "sink");
        assertThat(robot.lookup(".problem").queryAll()).isEmpty();
        assertThat(rescale.isDisabled()).isFalse();
        robot.clickOn(rescale);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(requested).containsExactly(Map.of("numbers", 2, "count", 3, "sink", 3));
        assertThat(dialog.isShowing()).isFalse();
    }
}
