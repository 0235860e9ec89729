package org.checkpointlab.views.controls;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TextInputControl;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.checkpointlab.views.i18n.Texts;

/** Choosing a savepoint or retained checkpoint directory: the restore dialog and the State view share it. */
public final class SavepointDirectories {
    private SavepointDirectories() {
    }

    /** A directory chooser opened beside {@code current} (if it has a parent on disk); empty when cancelled. */
    public static Optional<Path> choose(Window owner, Path current) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.get("savepoint.chooseDirectory"));
        Path start = current != null && current.getParent() != null ? current.getParent() : null;
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    /**
     * A directory chooser titled {@code title} that opens in {@code directory} (when it exists there); the folder
     * chosen becomes the directory, which stays as it was when the chooser is cancelled.
     */
    public static void chooseInto(Window owner, String title, ObjectProperty<Path> directory) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        Path current = directory.get();
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            directory.set(chosen.toPath());
        }
    }

    /** The path typed into {@code field}, or null when it is blank. */
    public static Path typed(TextInputControl field) {
        String text = field.getText() == null ? "" : field.getText().trim();
        return text.isEmpty() ? null : Path.of(text);
    }

    /** Keeps {@code field} showing {@code path} (blank when there is none). */
    public static void showPath(TextInputControl field, ObjectProperty<Path> path) {
        field.setText(text(path.get()));
        path.addListener((obs, o, p) -> field.setText(text(p)));
    }

    /** Browse…: a directory chosen beside the current {@code path} becomes the path and is loaded. */
    public static void browse(Window owner, ObjectProperty<Path> path, Runnable load) {
        choose(owner, path.get()).ifPresent(dir -> {
            path.set(dir);
            load.run();
        });
    }

    /** Load: the path typed into {@code field} becomes the path and is loaded. */
    public static void loadTyped(TextInputControl field, ObjectProperty<Path> path, Runnable load) {
        path.set(typed(field));
        load.run();
    }

    private static String text(Path p) {
        return p == null ? "" : p.toString();
    }
}
