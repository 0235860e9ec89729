package org.checkpointlab.views.editor;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.i18n.Texts;

/**
 * The pipeline editor put together around the main window's graph: the {@link PaletteView}, the
 * {@link EditorCanvas} gestures on the graph, the {@link InspectorView}, the {@link EditMenu}, and over the
 * canvas the "n problems" badge (click for the list of validation messages), the refusal message of the last
 * edit, and a hint on an empty canvas.
 */
public final class EditorView {
    private final EditorViewModel viewModel;
    private final PaletteView palette;
    private final EditorCanvas canvas;
    private final InspectorView inspector;
    private final Label message = new Label();
    private final HBox messageBox;
    private final Button problemsBadge = new Button();
    private final VBox problemsList = new VBox(2);
    private final Label canvasHint = new Label(Texts.get("editor.canvas.empty"));
    private EditMenu editMenu;

    public EditorView(EditorViewModel viewModel, PipelineGraphView graphView) {
        this.viewModel = viewModel;
        this.palette = new PaletteView(viewModel);
        this.canvas = new EditorCanvas(graphView, viewModel);
        this.inspector = new InspectorView(viewModel);

        message.setId("edit-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        Button close = new Button("\u00d7");
        close.setFocusTraversable(false);
        close.setOnAction(e -> viewModel.dismissMessage());
        messageBox = new HBox(8, message, close);
        messageBox.getStyleClass().add(EditorStyles.EDIT_MESSAGE);
        messageBox.setAlignment(Pos.CENTER_LEFT);
        messageBox.setMaxSize(760, javafx.scene.layout.Region.USE_PREF_SIZE);
        messageBox.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        StackPane.setAlignment(messageBox, Pos.BOTTOM_CENTER);
        StackPane.setMargin(messageBox, new javafx.geometry.Insets(0, 0, 16, 0));

        problemsBadge.setId("problems-badge");
        problemsBadge.getStyleClass().add(EditorStyles.PROBLEMS_BADGE);
        problemsBadge.setFocusTraversable(false);
        problemsBadge.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = viewModel.problems().size();
            return (n == 1 ? Texts.get("editor.problems.one") : Texts.format("editor.problems.many", n)) + (problemsList.isVisible() ? " \u25b4" : " \u25be");
        }, viewModel.problems(), problemsList.visibleProperty()));
        problemsBadge.setOnAction(e -> problemsList.setVisible(!problemsList.isVisible()));
        problemsList.getStyleClass().add(EditorStyles.PROBLEMS_LIST);
        problemsList.setId("problems-list");
        problemsList.managedProperty().bind(problemsList.visibleProperty());
        problemsList.setMaxWidth(560);
        problemsList.setVisible(false);
        viewModel.problems().addListener((javafx.collections.ListChangeListener<String>) c -> fillProblems());
        fillProblems();

        canvasHint.getStyleClass().add(EditorStyles.CANVAS_HINT);
        canvasHint.setMouseTransparent(true);
        canvasHint.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> graphView.viewModel().pipelineProperty().get() != null && graphView.viewModel().nodes().isEmpty(),
                graphView.viewModel().pipelineProperty(), graphView.viewModel().nodes()));
    }

    /**
     * Puts the editor into the main window: palette into {@code paletteHost}, the overlays onto the canvas's
     * {@code graphHost}, the inspector into {@code inspectorPane}, the actions into {@code editMenu}.
     */
    public void install(Pane paletteHost, StackPane graphHost, TitledPane inspectorPane, Menu editMenu) {
        paletteHost.getChildren().setAll(palette);
        palette.setMaxHeight(Double.MAX_VALUE);
        VBox.setVgrow(palette, javafx.scene.layout.Priority.ALWAYS);
        VBox problems = new VBox(4, problemsBadge, problemsList);
        problems.setPickOnBounds(false);
        problems.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        problems.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems())
                .and(Bindings.isNotNull(viewModel.pipelineProperty())));
        StackPane.setAlignment(problems, Pos.TOP_LEFT);
        StackPane.setMargin(problems, new javafx.geometry.Insets(10));
        graphHost.getChildren().addAll(canvasHint, problems, messageBox);
        inspectorPane.setContent(inspector);
        this.editMenu = EditMenu.fill(editMenu, viewModel);
    }

    /**
     * Makes two toolbar buttons undo and redo, disabled when there is nothing to undo or redo, with tooltips that
     * say what they would undo and their shortcuts.
     */
    public void bindUndoButtons(Button undo, Button redo) {
        undo.setOnAction(e -> viewModel.undo());
        redo.setOnAction(e -> viewModel.redo());
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        redo.disableProperty().bind(viewModel.canRedoProperty().not());
        javafx.scene.control.Tooltip undoTip = new javafx.scene.control.Tooltip();
        undoTip.textProperty().bind(Bindings.createStringBinding(() -> Texts.format("editor.undo.tooltip",
                viewModel.undoTextProperty().get(), EditMenu.UNDO.getDisplayText()), viewModel.undoTextProperty()));
        javafx.scene.control.Tooltip redoTip = new javafx.scene.control.Tooltip();
        redoTip.textProperty().bind(Bindings.createStringBinding(() -> Texts.format("editor.redo.tooltip",
                viewModel.redoTextProperty().get(), EditMenu.REDO.getDisplayText(),
                EditMenu.REDO_ALT.getDisplayText()), viewModel.redoTextProperty()));
        undo.setTooltip(undoTip);
        redo.setTooltip(redoTip);
    }

    /** Adds the shortcuts that are not menu accelerators; call once the window's scene exists. */
    public void installKeys(Scene scene) {
        editMenu.installKeys(scene);
    }

    /** The Edit menu's actions (after {@link #install}). */
    public EditMenu editMenu() {
        return editMenu;
    }

    public PaletteView palette() {
        return palette;
    }

    public EditorCanvas canvas() {
        return canvas;
    }

    public InspectorView inspector() {
        return inspector;
    }

    public EditorViewModel viewModel() {
        return viewModel;
    }

    private void fillProblems() {
        problemsList.getChildren().clear();
        for (String problem : viewModel.problems()) {
            Label line = new Label("\u2022 " + problem);
            line.getStyleClass().add(EditorStyles.PROBLEM_LINE);
            line.setWrapText(true);
            problemsList.getChildren().add(line);
        }
    }
}
