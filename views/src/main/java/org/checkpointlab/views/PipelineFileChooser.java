package org.checkpointlab.views;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.checkpointlab.views.editor.SaveFileChooser;
import org.checkpointlab.views.i18n.Texts;

/** The file choosers of File &gt; Open and Save As: pipeline files ({@code *.json}), starting in a given folder. */
final class PipelineFileChooser implements SaveFileChooser {
    private final Supplier<Window> owner;

    /** @param owner the window the chooser belongs to (looked up when asking), may supply {@code null} */
    PipelineFileChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Asks for a pipeline file to open, starting in {@code directory} when it is one. */
    Optional<Path> chooseToOpen(Path directory) {
        FileChooser chooser = chooser(Texts.get("main.open.title"), directory);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("main.filter.all"), "*.*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> choose(String suggestedName, Path directory) {
        FileChooser chooser = chooser(Texts.get("main.save.title"),
                directory != null ? directory : Path.of(System.getProperty("user.home")));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path directory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("main.filter.pipelines"),
                "*.json"));
        if (directory != null && Files.isDirectory(directory)) {
            chooser.setInitialDirectory(directory.toFile());
        }
        return chooser;
    }
}
