package org.checkpointlab.views.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CheckpointTimelineTest {
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private CheckpointTimeline timeline;

    @Start
    void start(Stage stage) {
        timeline = new CheckpointTimeline(rows);
        stage.setScene(new Scene(timeline, 600, 300));
        stage.show();
    }

    private static TimelineRow row(int i, boolean slowest) {
        return new TimelineRow("map #" + i, 1, 0, 2, 3 + i, 6 + i, false, false, slowest, TimelineRow.Phase.ASYNC);
    }

    @Test
    void rowTooltip_namesTheSubtaskAndEveryPhaseWithItsDuration() {
        TimelineRow row = new TimelineRow("src-a #2", 1, 0, 2, 3, 6, false, false, false, TimelineRow.Phase.ASYNC);

        String text = CheckpointTimeline.tooltipText(row);

        assertThat(text).isEqualTo("src-a #2: start delay 1 ms, alignment 0 ms, sync 2 ms, async 3 ms");
    }

    @Test
    void aSubtaskWhosePhasesRoundedToZero_hasABarAsLongAsItsEndToEndTime_heldUpByTheRest() {
        // filter #0: acknowledged 1 ms after the trigger, every phase under a millisecond; sentences #0: async 1 ms.
        CheckpointStats c = new CheckpointStats(2, CheckpointStatus.COMPLETED, false, 0, 1, 2, 2, 1, 0, 1, 0, 0, 0,
                0, 0, 0, false, null, List.of(
                        new SubtaskCheckpointStats("filter", 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, false),
                        new SubtaskCheckpointStats("sentences", 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, false)), false);

        List<TimelineRow> rows = TimelineRow.of(c);

        assertThat(rows.get(0).dominant()).as("no phase held it up, the rest did").isEqualTo(TimelineRow.Phase.REST);
        assertThat(rows.get(0).rest()).isEqualTo(1);
        assertThat(rows.get(0).total()).isEqualTo(rows.get(1).total());
        assertThat(CheckpointTimeline.tooltipText(rows.get(0))).isEqualTo("filter #0: start delay 0 ms, alignment "
                + "0 ms, sync 0 ms, async 0 ms, other 1 ms");
        assertThat(rows.get(1).rest()).isZero();
    }

    @Test
    void eightyRows_areAllListed_butOnlyTheRowsInViewAreNodes(FxRobot robot) {
        List<TimelineRow> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(row(i, i == 79));
        }
        robot.interact(() -> rows.setAll(many));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.shownRows()).hasSize(80);
        List<Node> rowNodes = visibleRows(robot);
        assertThat(rowNodes).isNotEmpty().hasSizeLessThan(30);
        assertThat(((Label) robot.from(rowNodes.get(0)).lookup(".timeline-label").query()).getText())
                .isEqualTo("map #0");
    }

    @Test
    void theSlowestRow_isMarkedAndNamesItsPhase_whenScrolledIntoView(FxRobot robot) {
        List<TimelineRow> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(row(i, i == 39));
        }
        robot.interact(() -> rows.setAll(many));
        robot.interact(() -> robot.lookup("." + CheckpointTimeline.LIST)
                .queryAs(javafx.scene.control.ListView.class).scrollTo(39));
        WaitForAsyncUtils.waitForFxEvents();

        Node slowest = visibleRows(robot).stream()
                .filter(n -> n.getPseudoClassStates().contains(CheckpointTimeline.SLOWEST)).findFirst().orElseThrow();
        assertThat(((Label) robot.from(slowest).lookup(".timeline-total").query()).getText())
                .isEqualTo("45 ms  \u25c0 slowest: async");
    }

    private List<Node> visibleRows(FxRobot robot) {
        return robot.lookup("." + CheckpointTimeline.ROW).queryAll().stream()
                .filter(n -> n.getParent() != null && n.getParent().isVisible()).toList();
    }
}
