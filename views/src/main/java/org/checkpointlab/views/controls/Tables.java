package org.checkpointlab.views.controls;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** The read-only text columns the panels' and dialogs' tables are made of. */
public final class Tables {
    private Tables() {
    }

    /** A column showing {@code text} of each row (empty for an empty row), {@code width} wide, not sortable. */
    public static <T> TableColumn<T, String> textColumn(String title, Function<T, String> text, double width) {
        TableColumn<T, String> col = new TableColumn<>(title);
        col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null ? "" : text.apply(cell.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
