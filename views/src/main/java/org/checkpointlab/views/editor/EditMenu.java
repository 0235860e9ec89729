package org.checkpointlab.views.editor;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.checkpointlab.views.i18n.Texts;

/**
 * The Edit menu: Undo and Redo labelled with what they undo ("Undo Add keyed-count"), Cut, Copy, Paste, Delete
 * and Select all, with their shortcuts, plus Ctrl+Y for redo and Backspace for delete. While a text field has the
 * focus, every one of them acts on the text field instead (its own undo, copy, delete...), so typing in the
 * inspector never edits the pipeline by accident.
 */
public final class EditMenu {
    public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REDO_ALT = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination CUT = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
    public static final KeyCombination DELETE_ALT = new KeyCodeCombination(KeyCode.BACK_SPACE);
    public static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private final EditorViewModel viewModel;
    private final MenuItem undo = item("undo", UNDO, TextInputControl::undo, EditorViewModel::undo);
    private final MenuItem redo = item("redo", REDO, TextInputControl::redo, EditorViewModel::redo);
    private final MenuItem cut = item("cut", CUT, TextInputControl::cut, EditorViewModel::cut);
    private final MenuItem copy = item("copy", COPY, TextInputControl::copy, EditorViewModel::copy);
    private final MenuItem paste = item("paste", PASTE, TextInputControl::paste, EditorViewModel::paste);
    private final MenuItem delete = item("delete", DELETE, TextInputControl::deleteNextChar,
            EditorViewModel::deleteSelection);
    private final MenuItem selectAll = item("select-all", SELECT_ALL, TextInputControl::selectAll,
            EditorViewModel::selectAll);
    private Scene scene;

    private EditMenu(EditorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Fills {@code menu} with the edit actions of {@code viewModel}; call {@link #installKeys(Scene)} too. */
    public static EditMenu fill(Menu menu, EditorViewModel viewModel) {
        EditMenu edit = new EditMenu(viewModel);
        edit.undo.textProperty().bind(viewModel.undoTextProperty());
        edit.redo.textProperty().bind(viewModel.redoTextProperty());
        edit.cut.setText(Texts.get("editor.menu.cut"));
        edit.copy.setText(Texts.get("editor.menu.copy"));
        edit.paste.setText(Texts.get("editor.menu.paste"));
        edit.delete.setText(Texts.get("editor.menu.delete"));
        edit.selectAll.setText(Texts.get("editor.menu.selectAll"));
        // Enabled states are refreshed when the menu opens; shortcuts always reach the actions, which check.
        menu.setOnShowing(e -> {
            boolean text = edit.textFocused() != null;
            edit.undo.setDisable(!text && !viewModel.canUndoProperty().get());
            edit.redo.setDisable(!text && !viewModel.canRedoProperty().get());
            boolean selected = !viewModel.pipeline().selection().isEmpty();
            boolean operators = !viewModel.pipeline().selection().operators().isEmpty();
            edit.cut.setDisable(!text && !operators);
            edit.copy.setDisable(!text && !operators);
            edit.paste.setDisable(!text && !viewModel.canPaste());
            edit.delete.setDisable(!text && !selected);
        });
        menu.getItems().addAll(edit.undo, edit.redo, new SeparatorMenuItem(), edit.cut, edit.copy, edit.paste,
                edit.delete, new SeparatorMenuItem(), edit.selectAll);
        return edit;
    }

    /** Adds the second shortcuts (Ctrl+Y redo, Backspace delete) to the window's scene. */
    public void installKeys(Scene windowScene) {
        this.scene = windowScene;
        windowScene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (textFocused() != null) {
                return;
            }
            if (REDO_ALT.match(e)) {
                redo.getOnAction().handle(new ActionEvent());
                e.consume();
            } else if (DELETE_ALT.match(e)) {
                delete.getOnAction().handle(new ActionEvent());
                e.consume();
            }
        });
    }

    public MenuItem undoItem() {
        return undo;
    }

    public MenuItem redoItem() {
        return redo;
    }

    /** The text field or area that has the keyboard focus, if any. */
    private TextInputControl textFocused() {
        if (scene == null) {
            return null;
        }
        Node owner = scene.getFocusOwner();
        return owner instanceof TextInputControl text ? text : null;
    }

    /**
     * The item {@code edit-<id>} with its shortcut, acting on the focused text field with {@code onText}, else on
     * the pipeline with {@code onPipeline}.
     */
    private MenuItem item(String id, KeyCombination accelerator, Consumer<TextInputControl> onText,
                          Consumer<EditorViewModel> onPipeline) {
        MenuItem item = new MenuItem();
        item.setId("edit-" + id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> {
            TextInputControl text = textFocused();
            if (text != null) {
                onText.accept(text);
            } else {
                onPipeline.accept(viewModel);
            }
        });
        return item;
    }
}
