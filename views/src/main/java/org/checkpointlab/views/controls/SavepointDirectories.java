package org.checkpointlab.views.controls;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

    /** The path typed into {@code field}, or null when it is blank. */
    public static Path typed(TextInputControl field) {
        String text = field.getText() == null ? "" : field.getText().trim();
        return text.isEmpty() ? null : Path.of(text);
    }
}
