package org.checkpointlab.views;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.checkpointlab.views.i18n.Texts;

/**
 * The File menu's two lists: Open recent (the recent files, a missing one disabled, and Clear) and Samples (the
 * sample pipelines, or where none were found). Both are filled again whenever they open; Open recent also when the
 * list changes.
 */
final class FileMenu {
    private FileMenu() {
    }

    /** Fills both menus now and keeps them filled. */
    static void install(MainViewModel viewModel, Menu recentMenu, Menu samplesMenu) {
        samplesMenu.setOnShowing(event -> fillSamples(viewModel, samplesMenu));
        fillSamples(viewModel, samplesMenu);
        viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(viewModel, recentMenu));
        recentMenu.setOnShowing(event -> fillRecent(viewModel, recentMenu));
        fillRecent(viewModel, recentMenu);
    }

    private static void fillSamples(MainViewModel viewModel, Menu samplesMenu) {
        samplesMenu.getItems().clear();
        for (Path sample : viewModel.samples()) {
            MenuItem item = new MenuItem(SampleCatalog.displayName(sample));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.openSample(sample));
            samplesMenu.getItems().add(item);
        }
        if (samplesMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Texts.format("main.samples.none",
                    viewModel.samplesDirectory().toAbsolutePath().normalize()));
            none.setMnemonicParsing(false);
            none.setDisable(true);
            samplesMenu.getItems().add(none);
        }
    }

    private static void fillRecent(MainViewModel viewModel, Menu recentMenu) {
        recentMenu.getItems().clear();
        for (Path file : viewModel.recentFiles()) {
            boolean exists = Files.isRegularFile(file);
            MenuItem item = new MenuItem(file.getFileName() + "   \u2014 " + shortDirectory(file)
                    + (exists ? "" : Texts.get("main.recent.missing")));
            item.setMnemonicParsing(false);
            item.setDisable(!exists);
            if (!exists) {
                item.getStyleClass().add(MainStyles.RECENT_MISSING);
            }
            item.setOnAction(event -> viewModel.open(file));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Texts.get("main.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
        recentMenu.getItems().add(new SeparatorMenuItem());
        MenuItem clear = new MenuItem(Texts.get("main.recent.clear"));
        clear.setId("clear-recent");
        clear.setDisable(viewModel.recentFiles().isEmpty());
        clear.setOnAction(event -> viewModel.clearRecentFiles());
        recentMenu.getItems().add(clear);
    }

    /** The folder of a recent file, with the home folder shown as ~. */
    private static String shortDirectory(Path file) {
        Path dir = file.getParent();
        if (dir == null) {
            return "";
        }
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        return dir.startsWith(home) ? "~" + File.separator + home.relativize(dir) : dir.toString();
    }
}
