package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.OperatorCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window wired as the app wires it: real pipeline files and the repository's samples folder. */
@ExtendWith(ApplicationExtension.class)
class MainViewWithSamplesTest {
    private static final Path SAMPLES = MainWindow.SAMPLES;

    @TempDir
    Path dir;

    @RegisterExtension
    final MainWindow window = MainWindow.withSamples();

    @Test
    void atStart_theWordCountSampleIsShownWithACardPerOperatorAndItsSubtasks(FxRobot robot) throws Exception {
        PipelineSpec wordCount = PipelineJson.read(SAMPLES.resolve("word-count.json"));

        Set<OperatorCard> cards = robot.lookup("." + GraphStyles.CARD).queryAllAs(OperatorCard.class);

        assertThat(cards).hasSize(wordCount.operators().size());
        for (var operator : wordCount.operators()) {
            OperatorCard card = cards.stream().filter(c -> c.node().id().equals(operator.id())).findFirst()
                    .orElseThrow();
            assertThat(robot.from(card).lookup("." + GraphStyles.SUBTASK).queryAll())
                    .hasSize(operator.parallelism());
            assertThat(robot.from(card).lookup(".card-title").queryAs(Label.class).getText())
                    .isEqualTo(operator.name());
        }
        assertThat(robot.lookup("." + GraphStyles.EDGE_LABEL).queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrderElementsOf(wordCount.edges().stream()
                        .map(e -> e.partitioning().jsonName()).toList());
    }

    @Test
    void samplesMenu_hasOneItemPerSampleFile_andOpensItWithoutAFileToSaveTo(FxRobot robot) {
        Menu samples = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(Menu.class::isInstance).map(Menu.class::cast).filter(m -> "samplesMenu".equals(m.getId()))
                .findFirst().orElseThrow();

        assertThat(samples.getItems()).extracting(MenuItem::getText).containsExactlyElementsOf(
                new SampleCatalog(SAMPLES).samples().stream().map(SampleCatalog::displayName).toList());

        MenuItem union = samples.getItems().stream().filter(i -> i.getText().equals("two-source-union"))
                .findFirst().orElseThrow();
        robot.interact(union::fire);
        WaitForAsyncUtils.waitForFxEvents();

        // A sample opens as a template: Save must not overwrite it, so it has no file until Save As.
        assertThat(window.viewModel().fileProperty().get()).isNull();
        assertThat(window.viewModel().titleProperty().get())
                .isEqualTo(window.viewModel().pipeline().name() + " \u2013 Checkpoint Lab");
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll())
                .hasSize(window.viewModel().pipeline().operators().size());
    }

    @Test
    void brokenFile_showsTheReadersProblemsAndKeepsWordCount(FxRobot robot) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": 1, \"nmae\": \"typo\"}");

        robot.interact(() -> window.viewModel().open(broken));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("." + MainStyles.ERROR_PROBLEM).queryAllAs(Label.class)).isNotEmpty()
                .allSatisfy(l -> assertThat(l.getText()).startsWith("\u2022 broken.json: "))
                .anySatisfy(l -> assertThat(l.getText()).contains("nmae"));
        assertThat(window.viewModel().pipeline().name()).isEqualTo("Word count");
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll())
                .hasSize(window.viewModel().pipeline().operators().size());
    }
}
