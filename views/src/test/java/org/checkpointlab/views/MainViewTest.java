package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.graph.CardMetrics;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    @TempDir
    static Path dir;

    private final Map<String, PipelineSpec> known = new HashMap<>();
    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        PipelineLoader loader = file -> {
            PipelineSpec spec = known.get(file.getFileName().toString());
            if (spec == null) {
                throw new PipelineException(List.of(file.getFileName() + ": line 1, column 2: expected '{'"));
            }
            return spec;
        };
        viewModel = new MainViewModel(loader, new SampleCatalog(dir.resolve("no-samples")),
                new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    private Path file(String name, PipelineSpec spec) throws IOException {
        Path path = Files.writeString(dir.resolve(name), "{}");
        if (spec != null) {
            known.put(name, spec);
        }
        return path;
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> viewModel.open(file));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PipelineGraphView graphView() {
        return view.graphView();
    }

    @Test
    void frameLoop_recordsAFrameForEveryPulse_throughTheLayoutPass() throws Exception {
        int before = robotFrames();

        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robotFrames() >= before + 10);

        assertThat(view.frameStats().framesPerSecond()).isPositive();
        assertThat(view.frameStats().workPercentile(50)).isPositive();
    }

    private int robotFrames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.frameStats().frames()).get();
    }

    @Test
    void withoutPipeline_theCanvasShowsTheHint(FxRobot robot) {
        Label hint = robot.lookup("." + MainStyles.EMPTY_HINT).queryAs(Label.class);

        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).isEqualTo("Open a pipeline (Ctrl+O) or pick one from Samples");
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll()).isEmpty();
    }

    @Test
    void statusBar_explainsTheAccentColourOfEveryRole(FxRobot robot) {
        assertThat(robot.lookup("." + MainStyles.LEGEND_ENTRY).queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactlyInAnyOrder("source", "transformation", "keyed", "sink");
    }

    @Test
    void openedPipeline_showsACardPerOperatorWithOneBoxPerSubtask(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));

        Set<OperatorCard> cards = robot.lookup("." + GraphStyles.CARD).queryAllAs(OperatorCard.class);
        assertThat(cards).extracting(c -> c.node().id())
                .containsExactlyInAnyOrder("sentences", "split", "count", "sink");
        for (OperatorCard card : cards) {
            Set<Node> boxes = robot.from(card).lookup("." + GraphStyles.SUBTASK).queryAll();
            assertThat(boxes).as("subtask boxes of %s", card.node().id()).hasSize(card.node().parallelism());
            assertThat(robot.from(card).lookup("p=" + card.node().parallelism()).tryQuery()).isPresent();
            assertThat(robot.from(card).lookup(card.node().kind()).tryQuery()).isPresent();
            assertThat(card.isVisible()).isTrue();
        }
        assertThat(robot.lookup(".card-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("sentences", "split", "count", "sink");
        assertThat(robot.lookup("." + MainStyles.EMPTY_HINT).queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void edgeLabels_showThePartitioning(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));

        assertThat(robot.lookup("." + GraphStyles.EDGE_LABEL).queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("forward", "hash", "rebalance");
    }

    @Test
    void edgeLabel_sitsBetweenTheCardsItConnects(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));

        Label hash = robot.lookup("." + GraphStyles.EDGE_LABEL).lookup("hash").queryAs(Label.class);
        Bounds label = hash.localToScene(hash.getBoundsInLocal());
        Bounds split = sceneBounds(robot, "split");
        Bounds count = sceneBounds(robot, "count");
        assertThat(label.getCenterX()).isBetween(split.getMaxX(), count.getMinX());
    }

    @Test
    void draggingACard_movesTheCardAndItsOperatorNode(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));
        OperatorNode count = viewModel.graph().node("count").orElseThrow();
        double zoom = graphView().zoomProperty().get();
        double nodeX = count.x();
        double nodeY = count.y();
        Bounds before = sceneBounds(robot, "count");

        robot.drag(robot.from(graphView().card("count").orElseThrow()).lookup(".card-title").queryAs(Label.class),
                        MouseButton.PRIMARY)
                .moveBy(40, 20).moveBy(60, 60).drop();
        WaitForAsyncUtils.waitForFxEvents();

        Bounds after = sceneBounds(robot, "count");
        assertThat(after.getMinX() - before.getMinX()).isCloseTo(100, offset(1.5));
        assertThat(after.getMinY() - before.getMinY()).isCloseTo(80, offset(1.5));
        assertThat(count.x() - nodeX).isCloseTo(100 / zoom, offset(2.0));
        assertThat(count.y() - nodeY).isCloseTo(80 / zoom, offset(2.0));
        // The other cards stay where they were: the drag moved one card, not the canvas.
        assertThat(viewModel.graph().node("split").orElseThrow().x()).isEqualTo(
                viewModel.graph().node("sentences").orElseThrow().x() + CardMetrics.WIDTH + CardMetrics.LAYER_GAP);
    }

    @Test
    void draggingTheBackground_pansAndFitToWindowBringsEveryCardBack(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));
        Bounds before = sceneBounds(robot, "sentences");
        Bounds canvas = graphView().localToScene(graphView().getBoundsInLocal());

        Bounds onScreen = graphView().localToScreen(graphView().getBoundsInLocal());
        robot.drag(onScreen.getMinX() + 10, onScreen.getMinY() + 10, MouseButton.PRIMARY)
                .moveBy(300, 200).moveBy(400, 300).drop();
        WaitForAsyncUtils.waitForFxEvents();

        Bounds panned = sceneBounds(robot, "sentences");
        assertThat(panned.getMinX() - before.getMinX()).isCloseTo(700, offset(1.5));
        assertThat(panned.getMinY() - before.getMinY()).isCloseTo(500, offset(1.5));

        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("sentences", "split", "count", "sink")) {
            Bounds card = sceneBounds(robot, id);
            assertThat(canvas.contains(card)).as("card %s inside the canvas after fit", id).isTrue();
        }
    }

    @Test
    void scrolling_zoomsTheGraph(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));
        double zoom = graphView().zoomProperty().get();
        Bounds before = sceneBounds(robot, "count");

        robot.moveTo(graphView()).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();

        double newZoom = graphView().zoomProperty().get();
        assertThat(newZoom).isNotEqualTo(zoom);
        // The card scales with the zoom, however small the graph was fitted into the window.
        assertThat(sceneBounds(robot, "count").getWidth()).isCloseTo(before.getWidth() * newZoom / zoom,
                offset(0.5));
    }

    @Test
    void zoomedFarOut_theCardsSmallPrintIsHidden_andTheNamesStay(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));
        javafx.scene.Node kind = graphView().lookup("." + GraphStyles.CARD_KIND);
        javafx.scene.Node title = graphView().lookup("." + GraphStyles.CARD_TITLE);

        robot.interact(() -> graphView().zoomBy(0.3 / graphView().zoomProperty().get(), 10, 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graphView().zoomProperty().get()).isLessThan(PipelineGraphView.TEXT_ZOOM);
        assertThat(kind.isVisible()).as("kind at 30 %").isFalse();
        assertThat(title.isVisible()).as("name at 30 %").isTrue();

        robot.interact(() -> graphView().zoomBy(1.0 / graphView().zoomProperty().get(), 10, 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(kind.isVisible()).as("kind at 100 %").isTrue();
    }

    @Test
    void aFittedGraph_isFittedAgainWhenTheWindowResizes_untilTheUserZooms(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));
        javafx.stage.Window window = graphView().getScene().getWindow();
        double fitted = graphView().zoomProperty().get();

        robot.interact(() -> window.setWidth(window.getWidth() - 300));
        WaitForAsyncUtils.waitForFxEvents();
        double narrower = graphView().zoomProperty().get();
        assertThat(narrower).isLessThan(fitted);

        robot.moveTo(graphView()).scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double chosen = graphView().zoomProperty().get();
        robot.interact(() -> window.setWidth(window.getWidth() + 300));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(graphView().zoomProperty().get()).as("the user's zoom stays").isEqualTo(chosen);
    }

    @Test
    void failedLoad_showsTheProblemsAndKeepsThePreviousPipeline(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));
        Set<Node> cardsBefore = robot.lookup("." + GraphStyles.CARD).queryAll();

        open(robot, file("broken.json", null));

        Node banner = robot.lookup("." + MainStyles.ERROR_BANNER).query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("." + MainStyles.ERROR_PROBLEM).queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("\u2022 broken.json: line 1, column 2: expected '{'");
        assertThat(robot.lookup("." + MainStyles.ERROR_TITLE).queryAs(Label.class).getText())
                .isEqualTo("Could not open broken.json: 1 problem \u2013 still showing Word count");
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll()).containsExactlyInAnyOrderElementsOf(cardsBefore);

        robot.clickOn("Dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void openingAnotherPipeline_replacesTheCards(FxRobot robot) throws IOException {
        open(robot, file("word-count.json", TestPipelines.wordCount()));

        open(robot, file("broadcast.json", TestPipelines.broadcast()));

        assertThat(robot.lookup("." + GraphStyles.CARD).queryAllAs(OperatorCard.class))
                .extracting(c -> c.node().id()).containsExactlyInAnyOrder("numbers", "out");
        assertThat(robot.lookup("." + GraphStyles.EDGE_LABEL).queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("broadcast");
    }

    private Bounds sceneBounds(FxRobot robot, String operatorId) {
        OperatorCard card = graphView().card(operatorId).orElseThrow();
        return card.localToScene(card.getBoundsInLocal());
    }
}
