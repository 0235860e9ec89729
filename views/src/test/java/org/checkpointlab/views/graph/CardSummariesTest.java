package org.checkpointlab.views.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * twenty-operators fitted into the canvas of a 1600-pixel window (about 1120 × 520) and of a narrow 1000-pixel one
 * (about 560 × 330): the cards' names and parallelism are readable, over their cards, and full detail comes back
 * when zoomed in.
 */
@ExtendWith(ApplicationExtension.class)
class CardSummariesTest {
    private PipelineGraphView graph;
    private StackPane host;

    @Start
    void start(Stage stage) throws Exception {
        PipelineGraphViewModel model = new PipelineGraphViewModel();
        model.show(PipelineLoader.validating().load(Path.of("..", "samples", "twenty-operators.json")));
        graph = new PipelineGraphView(model);
        host = new StackPane(graph);
        stage.setScene(new Scene(host, 1120, 520));
        stage.getScene().getStylesheets().add(
                PipelineGraphView.class.getResource("/org/checkpointlab/views/checkpoint-lab.css").toExternalForm());
        stage.show();
    }

    private Label summary(FxRobot robot, String operatorId) {
        return robot.from(graph).lookup("#summary-" + operatorId).queryAs(Label.class);
    }

    private void fit(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            graph.getScene().getWindow().setWidth(width);
            graph.getScene().getWindow().setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(graph::fitToWindow);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double textWidth(Label label) {
        Text text = new Text(label.getText());
        text.setFont(label.getFont());
        return text.getLayoutBounds().getWidth();
    }

    @Test
    void fittedIntoA1600PixelWindow_everyCardShowsItsNameAndParallelism_inReadablePrint(FxRobot robot) {
        fit(robot, 1120, 520);
        assertThat(graph.zoomProperty().get()).as("the fit zoom of twenty operators")
                .isLessThan(PipelineGraphView.TEXT_ZOOM);

        for (OperatorCard card : graph.cards()) {
            Label summary = summary(robot, card.node().id());
            assertThat(summary.isVisible()).isTrue();
            assertThat(summary.getParent().isVisible()).isTrue();
            assertThat(summary.getText()).isEqualTo(card.node().name() + " \u00b7 p" + card.node().parallelism());
            assertThat(summary.getFont().getSize()).as("print on screen, not scaled with the graph")
                    .isGreaterThanOrEqualTo(10);
            assertThat(summary.getWidth()).as("%s is whole, or uses the room of about 15 characters", summary.getText())
                    .isGreaterThanOrEqualTo(Math.min(textWidth(summary) + summary.getPadding().getLeft()
                            + summary.getPadding().getRight(), 85));
            Bounds cardOnScreen = card.localToScene(card.getLayoutBounds());
            Bounds summaryOnScreen = summary.localToScene(summary.getLayoutBounds());
            assertThat(summaryOnScreen.getMinX()).isCloseTo(cardOnScreen.getMinX(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(summaryOnScreen.getMinY()).isCloseTo(cardOnScreen.getMinY(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(summaryOnScreen.getMaxY()).as("the subtask boxes stay visible under it")
                    .isLessThan(card.subtaskBoxes().get(0).localToScene(
                            card.subtaskBoxes().get(0).getLayoutBounds()).getMinY() + 0.5);
        }
    }

    @Test
    void zoomedIn_theCardsShowTheirFullDetail_andTheSummariesAreHidden(FxRobot robot) {
        fit(robot, 1120, 520);
        robot.interact(() -> graph.zoomBy(0.8 / graph.zoomProperty().get(), 10, 10));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summary(robot, graph.cards().get(0).node().id()).getParent().isVisible()).isFalse();
    }

    @Test
    void inANarrowWindow_theSourcesStartAtTheLeftEdge_andTheirSummariesAreReadable(FxRobot robot) {
        fit(robot, 560, 330);
        assertThat(graph.zoomProperty().get()).isEqualTo(PipelineGraphView.MIN_ZOOM);

        OperatorCard source = graph.cards().get(0);
        Bounds canvas = graph.localToScene(graph.getLayoutBounds());
        double left = graph.cards().stream()
                .mapToDouble(c -> c.localToScene(c.getLayoutBounds()).getMinX()).min().orElseThrow();
        assertThat(left - canvas.getMinX()).as("the leftmost cards (the sources) are on screen")
                .isCloseTo(PipelineGraphView.FIT_MARGIN, org.assertj.core.data.Offset.offset(1.0));
        Label summary = summary(robot, source.node().id());
        assertThat(summary.isVisible() && summary.getParent().isVisible()).isTrue();
        assertThat(summary.getFont().getSize()).isGreaterThanOrEqualTo(10);
    }
}
