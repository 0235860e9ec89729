package org.checkpointlab.views.editor;

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
    private final MenuItem undo = item("undo", EditMenu.UNDO);
    private final MenuItem redo = item("redo", EditMenu.REDO);
    private final MenuItem cut = item("cut", EditMenu.CUT);
    private final MenuItem copy = item("copy", EditMenu.COPY);
    private final MenuItem paste = item("paste", EditMenu.PASTE);
    private final MenuItem delete = item("delete", EditMenu.DELETE);
    private final MenuItem selectAll = item("select-all", EditMenu.SELECT_ALL);
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
        edit.undo.setOnAction(e -> edit.undo());
        edit.redo.setOnAction(e -> edit.redo());
        edit.cut.setOnAction(e -> edit.cut());
        edit.copy.setOnAction(e -> edit.copy());
        edit.paste.setOnAction(e -> edit.paste());
        edit.delete.setOnAction(e -> edit.delete());
        edit.selectAll.setOnAction(e -> edit.selectAll());
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
                redo();
                e.consume();
            } else if (DELETE_ALT.match(e)) {
                delete();
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

    private void undo() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.undo();
        } else {
            viewModel.undo();
        }
    }

    private void redo() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.redo();
        } else {
            viewModel.redo();
        }
    }

    private void cut() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.cut();
        } else {
            viewModel.cut();
        }
    }

    private void copy() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.copy();
        } else {
            viewModel.copy();
        }
    }

    private void paste() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.paste();
        } else {
            viewModel.paste();
        }
    }

    private void delete() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.deleteNextChar();
        } else {
            viewModel.deleteSelection();
        }
    }

    private void selectAll() {
        TextInputControl text = textFocused();
        if (text != null) {
            text.selectAll();
        } else {
            viewModel.selectAll();
        }
    }

    /** The text field or area that has the keyboard focus, if any. */
    private TextInputControl textFocused() {
        if (scene == null) {
            return null;
        }
        Node owner = scene.getFocusOwner();
        return owner instanceof TextInputControl text ? text : null;
    }

    private static MenuItem item(String id, KeyCombination accelerator) {
        MenuItem item = new MenuItem();
        item.setId("edit-" + id);
        item.setAccelerator(accelerator);
        return item;
    }
}
