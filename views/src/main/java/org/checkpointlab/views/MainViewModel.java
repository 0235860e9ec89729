package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;

/**
 * State and commands of the main window, without any control: which pipeline file is open, the graph drawn for
 * it, the window title, the status line, the last load failure, and the samples on offer. Opening a file that
 * fails leaves the open pipeline and its graph exactly as they were and publishes a {@link LoadFailure} instead.
 * Opening a pipeline stops the job of the previous one ({@link #live()}).
 * FX thread only.
 */
public final class MainViewModel {
    /** The window title when no pipeline is open. */
    public static final String APP_TITLE = "Checkpoint Lab";
    /** The status line when no pipeline is open. */
    public static final String EMPTY_HINT = "Open a pipeline (Ctrl+O) or pick one from Samples";

    private final PipelineLoader loader;
    private final SampleCatalog samples;
    private final PipelineGraphViewModel graph;
    private final LiveJobViewModel live;
    private final CommandStack edits = new CommandStack(EditablePipeline.empty("untitled"));
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<LoadFailure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_TITLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", EMPTY_HINT);
    private final BooleanBinding empty;

    /** A main window whose jobs run on the real engine ({@link LiveJobViewModel#forApp()}). */
    public MainViewModel(PipelineLoader loader, SampleCatalog samples, PipelineGraphViewModel graph) {
        this(loader, samples, graph, LiveJobViewModel.forApp());
    }

    public MainViewModel(PipelineLoader loader, SampleCatalog samples, PipelineGraphViewModel graph,
                         LiveJobViewModel live) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.live = Objects.requireNonNull(live, "live");
        this.empty = Bindings.isNull(graph.pipelineProperty());
    }

    public PipelineGraphViewModel graph() {
        return graph;
    }

    /** The job of the open pipeline: run, pause, slow motion, checkpoints, failures, and what the view draws. */
    public LiveJobViewModel live() {
        return live;
    }

    /**
     * The pipeline as the editor holds it, with undo/redo and unsaved-changes tracking: reset (and counted as
     * saved) whenever a file opens, with each card where the graph's layout put it.
     */
    public CommandStack edits() {
        return edits;
    }

    /** The open pipeline, or {@code null}. */
    public PipelineSpec pipeline() {
        return graph.pipelineProperty().get();
    }

    /** The file the open pipeline came from, or {@code null}. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The last failed load, or {@code null} once a load succeeds or the user dismisses it. */
    public ReadOnlyObjectProperty<LoadFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** "Checkpoint Lab", or "pipeline name - Checkpoint Lab" while a pipeline is open. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while no pipeline is open (the canvas then shows {@link #EMPTY_HINT}). */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    /** The sample pipeline files for the Samples menu. */
    public List<Path> samples() {
        return samples.samples();
    }

    /** The folder samples come from (where the Open dialog starts). */
    public Path samplesDirectory() {
        return samples.directory();
    }

    /**
     * Opens a pipeline file and shows it.
     *
     * @return whether it opened; if not, {@link #failureProperty()} says why and the previous pipeline stays
     */
    public boolean open(Path pipelineFile) {
        Objects.requireNonNull(pipelineFile, "pipelineFile");
        PipelineSpec spec;
        try {
            spec = loader.load(pipelineFile);
            graph.show(spec);
            live.load(spec);
        } catch (PipelineException e) {
            fail(pipelineFile, e.problems());
            return false;
        } catch (RuntimeException e) {
            // A loader or layout bug must not take the window down; show it like any other problem.
            fail(pipelineFile, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
            return false;
        }
        edits.reset(EditablePipeline.of(spec, graphPositions()));
        file.set(pipelineFile);
        failure.set(null);
        title.set(spec.name() + " \u2013 " + APP_TITLE);
        status.set("Opened " + pipelineFile.getFileName() + ": " + count(spec.operators().size(), "operator")
                + ", " + count(spec.edges().size(), "edge"));
        return true;
    }

    /**
     * What the window opens at start: the file given as first program argument, else the default sample when
     * it exists, else nothing.
     */
    public void openAtStart(List<String> programArguments) {
        if (!programArguments.isEmpty()) {
            open(Path.of(programArguments.get(0)));
        } else {
            samples.defaultSample().ifPresent(this::open);
        }
    }

    /** Hides the last failure (the user has read it). */
    public void dismissFailure() {
        failure.set(null);
    }

    private void fail(Path pipelineFile, List<String> problems) {
        LoadFailure failed = new LoadFailure(pipelineFile, problems);
        failure.set(failed);
        status.set(failed.summary());
    }

    private Map<String, Position> graphPositions() {
        Map<String, Position> positions = new HashMap<>();
        graph.nodes().forEach(node -> positions.put(node.id(), new Position(node.x(), node.y())));
        return positions;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
