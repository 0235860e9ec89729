package org.checkpointlab.views.editor;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.views.i18n.Texts;

/**
 * The palette left of the canvas: every operator kind by group with a one-line description, a filter box, and a
 * button that folds it to a narrow strip. Drag an entry onto the canvas to add the operator there (platform
 * drag-and-drop carrying {@link #OPERATOR_KIND}); double-click adds it next to the existing cards.
 */
public final class PaletteView extends VBox {
    /** The drag-and-drop format of a palette entry: the kind's pipeline-file name. */
    public static final DataFormat OPERATOR_KIND = dataFormat("application/x-checkpointlab-operator-kind");

    private final EditorViewModel viewModel;
    private final TextField filter = new TextField();
    private final VBox entries = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(entries);
    private final Button fold = new Button("\u00ab");
    private final Label header = new Label(Texts.get("palette.header"));

    public PaletteView(EditorViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(EditorStyles.PALETTE);
        setId("palette");
        filter.setPromptText(Texts.get("palette.filter.prompt"));
        filter.getStyleClass().add(EditorStyles.PALETTE_FILTER);
        filter.setId("palette-filter");
        filter.textProperty().addListener((obs, old, now) -> fill());
        fold.setTooltip(new Tooltip(Texts.get("palette.fold.tooltip")));
        fold.setOnAction(e -> setFolded(!isFolded()));
        fold.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, header, spacer, fold);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(EditorStyles.PALETTE_HEADER);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label help = new Label(Texts.get("palette.help"));
        help.getStyleClass().add(EditorStyles.PALETTE_DESCRIPTION);
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, filter, help, scroll);
        fill();
    }

    public TextField filterField() {
        return filter;
    }

    /** The entry of a kind, if the filter shows it. */
    public Optional<Region> entry(OperatorKind kind) {
        return entries.getChildren().stream().filter(n -> ("palette-" + kind.jsonName()).equals(n.getId()))
                .map(Region.class::cast).findFirst();
    }

    public boolean isFolded() {
        return getStyleClass().contains(EditorStyles.PALETTE_COLLAPSED);
    }

    /** Folds the palette to its header button, or opens it again. */
    public void setFolded(boolean folded) {
        if (folded == isFolded()) {
            return;
        }
        if (folded) {
            getStyleClass().add(EditorStyles.PALETTE_COLLAPSED);
        } else {
            getStyleClass().remove(EditorStyles.PALETTE_COLLAPSED);
        }
        for (var child : getChildren().subList(1, getChildren().size())) {
            child.setVisible(!folded);
            child.setManaged(!folded);
        }
        header.setVisible(!folded);
        header.setManaged(!folded);
        fold.setText(folded ? "\u00bb" : "\u00ab");
    }

    private void fill() {
        entries.getChildren().clear();
        for (Palette.Section section : Palette.sections(filter.getText())) {
            Label title = new Label(section.title());
            title.getStyleClass().add(EditorStyles.PALETTE_SECTION);
            title.setMaxWidth(Double.MAX_VALUE);
            entries.getChildren().add(title);
            for (OperatorKind kind : section.kinds()) {
                entries.getChildren().add(entryFor(kind));
            }
        }
        if (entries.getChildren().isEmpty()) {
            Label none = new Label(Texts.format("palette.noMatch", filter.getText().trim()));
            none.setWrapText(true);
            none.getStyleClass().add(EditorStyles.PALETTE_DESCRIPTION);
            entries.getChildren().add(none);
        }
    }

    private VBox entryFor(OperatorKind kind) {
        Label name = new Label(kind.jsonName());
        name.getStyleClass().add(EditorStyles.PALETTE_NAME);
        Label description = new Label(kind.description());
        description.getStyleClass().add(EditorStyles.PALETTE_DESCRIPTION);
        description.setWrapText(true);
        description.setMaxHeight(34);
        VBox entry = new VBox(1, name, description);
        entry.getStyleClass().addAll(EditorStyles.PALETTE_ENTRY, roleClass(kind));
        entry.setId("palette-" + kind.jsonName());
        Tooltip.install(entry, new Tooltip(Texts.format("palette.entry.tooltip", kind.jsonName(), kind.description(),
                kind.params().isEmpty() ? "" : Texts.format("palette.entry.parameters", kind.paramNames()))));
        entry.setOnDragDetected(event -> {
            Dragboard board = entry.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.put(OPERATOR_KIND, kind.jsonName());
            content.putString(kind.jsonName());
            board.setContent(content);
            event.consume();
        });
        entry.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.addOperator(kind);
                event.consume();
            }
        });
        return entry;
    }

    private static String roleClass(OperatorKind kind) {
        return switch (kind.role()) {
            case SOURCE -> "role-source";
            case SINK -> "role-sink";
            case TRANSFORM -> kind.keyed() ? "role-keyed" : "role-transformation";
        };
    }

    /** The kind a drag carries, if it comes from the palette. */
    public static Optional<OperatorKind> kindOf(Dragboard board) {
        Object value = board.hasContent(OPERATOR_KIND) ? board.getContent(OPERATOR_KIND) : null;
        return value instanceof String name ? OperatorKind.byJsonName(name) : Optional.empty();
    }

    private static DataFormat dataFormat(String id) {
        DataFormat existing = DataFormat.lookupMimeType(id);
        return existing != null ? existing : new DataFormat(id);
    }
}
