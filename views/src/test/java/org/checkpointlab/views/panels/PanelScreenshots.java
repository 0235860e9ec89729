package org.checkpointlab.views.panels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.graph.PipelineGraphViewModel;

/**
 * Takes the docs screenshots of the panels on a real X server (Xvfb): the main window with the backpressured
 * sample running, one screenshot per tab and one of the restore dialog, each with ImageMagick's
 * {@code import -window root}. Not a test; run with {@code xvfb-run -a -s '-screen 0 1600x1000x24' java -cp … 
 * org.checkpointlab.views.panels.PanelScreenshots <repo root>}.
 */
public final class PanelScreenshots {
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        Path docs = repo.resolve("docs");
        Path sample = repo.resolve("samples/keyed-count-slow-sink.json");
        Platform.startup(() -> { });
        MainView view = on(() -> {
            MainViewModel vm = new MainViewModel(PipelineLoader.validating()::load, new SampleCatalog(repo.resolve("samples")),
                    new PipelineGraphViewModel());
            MainView v = MainView.load(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(v.root(), 1600, 1000));
            stage.show();
            vm.open(sample);
            v.jobPanels().session().savepointDirectoryProperty().set(Files.createTempDirectory("cl-savepoints"));
            v.jobPanels().runOpenPipeline();
            return v;
        });
        JobPanels panels = view.jobPanels();
        TabPane tabs = on(() -> (TabPane) view.root().lookup(".panel-tabs"));
        pause(9);
        on(() -> {
            panels.settings().text("interval").set("1s");
            panels.settings().apply();
            return null;
        });
        pause(8);
        on(() -> {
            panels.session().triggerSavepoint(r -> { }, p -> { });
            return null;
        });
        pause(8);
        on(() -> {
            tabs.getSelectionModel().select(0);
            return null;
        });
        pause(2);
        shoot(docs.resolve("screenshot-checkpoints.png"));
        on(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        pause(2);
        shoot(docs.resolve("screenshot-charts.png"));
        on(() -> {
            tabs.getSelectionModel().select(2);
            panels.settings().text("minPause").set("-100ms");
            return null;
        });
        pause(2);
        shoot(docs.resolve("screenshot-settings.png"));
        on(() -> {
            panels.settings().revert();
            tabs.getSelectionModel().select(0);
            Stage dialog = panels.openRestoreDialog();
            dialog.setX(380);
            dialog.setY(150);
            for (String op : List.of("count", "slow", "discard")) {
                @SuppressWarnings("unchecked")
                Spinner<Integer> s = (Spinner<Integer>) dialog.getScene().lookup("#parallelism-" + op);
                s.getValueFactory().setValue(3);
            }
            ((javafx.scene.control.Button) dialog.getScene().lookup("#restoreButton")).fire();
            return null;
        });
        pause(4);
        shoot(docs.resolve("screenshot-restore.png"));
        Platform.exit();
        System.exit(0);
    }

    private static <T> T on(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L); // a screenshot script: the job must run for a while
    }

    private static void shoot(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KiB)");
    }
}
