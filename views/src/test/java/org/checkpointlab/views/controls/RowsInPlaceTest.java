package org.checkpointlab.views.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RowsInPlaceTest {
    private TableView<Integer> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.getColumns().add(Tables.textColumn("id", String::valueOf, 100));
        IntStream.iterate(100, i -> i > 0, i -> i - 1).forEach(table.getItems()::add); // newest first: 100 .. 1
        RowsInPlace.keep(table);
        stage.setScene(new Scene(table, 200, 240));
        stage.show();
    }

    private int firstShown() {
        WaitForAsyncUtils.waitForFxEvents();
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return table.getItems().get(flow.getFirstVisibleCell().getIndex());
    }

    @Test
    void scrolledDown_newRowsAtTheTop_leaveTheRowsBeingReadInPlace(FxRobot robot) {
        robot.interact(() -> table.scrollTo(40)); // item 60 first
        assertThat(firstShown()).isEqualTo(60);

        robot.interact(() -> {
            table.getItems().add(0, 101);
            table.getItems().add(0, 102);
        });
        assertThat(firstShown()).isEqualTo(60);

        robot.interact(() -> table.getItems().remove(0, 3)); // 102, 101 and 100 no longer reported
        assertThat(firstShown()).isEqualTo(60);

        robot.interact(() -> table.getItems().set(1, 99)); // a row's statistics changed in place
        assertThat(firstShown()).isEqualTo(60);
    }

    @Test
    void atTheTop_newRowsComeIntoView(FxRobot robot) {
        assertThat(firstShown()).isEqualTo(100);
        robot.interact(() -> table.getItems().add(0, 101));
        assertThat(firstShown()).isEqualTo(101);
    }
}
