package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.checkpointlab.model.pipeline.CardPosition;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineFile;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.PipelineDocument;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.editor.SaveFileChooser;
import org.checkpointlab.views.editor.StopRunningJobPrompt;
import org.checkpointlab.views.editor.UnsavedChangesPrompt;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;

/**
 * The main window's file commands: New, Open (a file, a sample or a recent file), Save and Save As, and the
 * questions they ask first. Opening a file that fails to load leaves the pipeline, its graph and its edit history
 * exactly as they were and publishes a {@link LoadFailure}; a failed save does the same. Before New, Open or closing
 * would lose unsaved changes, the {@link UnsavedChangesPrompt} asks: save, don't save, or cancel; before opening or
 * starting another pipeline would stop the running job, the {@link StopRunningJobPrompt} asks. A sample opens without
 * a file, so Save asks where to write instead of overwriting the sample. The outcome goes to the status line.
 * FX thread only.
 */
final class PipelineFileCommands {
    private final PipelineLoader loader;
    private final SampleCatalog samples;
    private final RecentFiles recent;
    private final PipelineDocument document;
    private final PipelineGraphViewModel graph;
    private final LiveJobViewModel live;
    private final JobSession session;
    private final Consumer<String> status;
    private final ReadOnlyObjectWrapper<LoadFailure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private UnsavedChangesPrompt prompt = (name, action) -> UnsavedChangesPrompt.Choice.CANCEL;
    private SaveFileChooser saveChooser = (name, directory) -> Optional.empty();
    private StopRunningJobPrompt stopPrompt = (job, action) -> true;
    /** The open pipeline is a lesson's, as the lesson opened it (see {@link #openLesson}). */
    private boolean lessonDocument;

    /**
     * @param graph  draws each pipeline opened
     * @param live   takes each pipeline opened; its session's job is stopped first
     * @param status where each command says how it went (the status line)
     */
    PipelineFileCommands(PipelineLoader loader, SampleCatalog samples, RecentFiles recent, PipelineDocument document,
                         PipelineGraphViewModel graph, LiveJobViewModel live, Consumer<String> status) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.document = document;
        this.graph = graph;
        this.live = live;
        this.session = live.session();
        this.status = status;
    }

    ReadOnlyObjectProperty<LoadFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    void useDialogs(UnsavedChangesPrompt unsavedPrompt, SaveFileChooser saveFileChooser) {
        this.prompt = Objects.requireNonNull(unsavedPrompt, "unsavedPrompt");
        this.saveChooser = Objects.requireNonNull(saveFileChooser, "saveFileChooser");
    }

    void useStopPrompt(StopRunningJobPrompt prompt) {
        this.stopPrompt = Objects.requireNonNull(prompt, "prompt");
    }

    boolean newPipeline() {
        if (!confirmStop(Texts.get("action.newPipeline")) || !confirmDiscard(Texts.get("action.newPipeline"))) {
            return false;
        }
        session.clear();
        document.startNew();
        lessonDocument = false;
        PipelineSpec spec = document.spec();
        graph.show(spec);
        live.load(spec);
        failure.set(null);
        status.accept(Texts.get("status.newPipeline"));
        return true;
    }

    boolean open(Path pipelineFile) {
        Objects.requireNonNull(pipelineFile, "pipelineFile");
        if (!load(pipelineFile, pipelineFile, Texts.format("action.opening", pipelineFile.getFileName()), false)) {
            return false;
        }
        recent.add(pipelineFile);
        return true;
    }

    boolean openSample(Path sample) {
        Objects.requireNonNull(sample, "sample");
        if (!load(sample, null, Texts.format("action.opening", sample.getFileName()), false)) {
            return false;
        }
        status.accept(Texts.format("status.openedSample", SampleCatalog.displayName(sample),
                Counts.operatorsAndEdges(document.spec())));
        return true;
    }

    /**
     * Opens a lesson's pipeline like a sample. Leaving one lesson's pipeline for another's does not ask to save it:
     * what the learner changed there (a barrier mode, a parallelism) is the lesson's exercise, and the lesson opens it
     * anew. A lesson pipeline saved to a file of one's own is a file like any other.
     */
    boolean openLesson(Path pipeline, String lessonTitle) {
        Objects.requireNonNull(pipeline, "pipeline");
        if (!load(pipeline, null, Texts.format("action.openingLesson", lessonTitle), true)) {
            return false;
        }
        status.accept(Texts.format("status.openedLesson", lessonTitle, Counts.operatorsAndEdges(document.spec())));
        return true;
    }

    void openAtStart(List<String> programArguments) {
        if (!programArguments.isEmpty()) {
            open(Path.of(programArguments.get(0)));
        } else {
            samples.defaultSample().ifPresent(this::openSample);
        }
    }

    boolean save() {
        Path target = document.fileProperty().get();
        return target == null ? saveAs() : saveTo(target);
    }

    boolean saveAs() {
        Path current = document.fileProperty().get();
        Path directory = current != null ? current.toAbsolutePath().getParent() : null;
        Optional<Path> chosen = saveChooser.choose(document.suggestedFileName(), directory);
        return chosen.isPresent() && saveTo(chosen.get());
    }

    boolean saveTo(Path target) {
        Objects.requireNonNull(target, "target");
        List<String> problems;
        try {
            problems = document.saveTo(target);
        } catch (PipelineDocument.SaveFailed e) {
            LoadFailure failed = new LoadFailure(e.file(), LoadFailure.SAVE, List.of(e.getMessage()));
            failure.set(failed);
            status.accept(Texts.format("status.saveFailed", failed.summary()));
            return false;
        }
        Path saved = document.fileProperty().get();
        recent.add(saved);
        failure.set(null);
        status.accept(problems.isEmpty() ? Texts.format("status.saved", saved.getFileName())
                : Texts.format("status.savedWithProblems", saved.getFileName(),
                Counts.of(problems.size(), "count.problem"), problems.get(0)));
        return true;
    }

    boolean requestClose() {
        return confirmDiscard(Texts.get("action.closing"));
    }

    void dismissFailure() {
        failure.set(null);
    }

    /**
     * Loads, asks about unsaved changes, then shows; {@code documentFile} is where Save writes ({@code null}: ask);
     * {@code action} says what the prompts stop; {@code lesson}: the pipeline is a lesson's.
     */
    private boolean load(Path source, Path documentFile, String action, boolean lesson) {
        PipelineSpec spec;
        Map<String, CardPosition> layout;
        try {
            PipelineFile read = loader.loadWithLayout(source);
            spec = read.spec();
            layout = read.layout();
        } catch (PipelineException e) {
            fail(source, org.checkpointlab.views.session.Problems.of(e));
            return false;
        } catch (RuntimeException e) {
            fail(source, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
            return false;
        }
        boolean lessonExercise = lesson && lessonDocument && document.fileProperty().get() == null;
        if (!confirmStop(action) || !lessonExercise && !confirmDiscard(action)) {
            return false;
        }
        try {
            graph.show(spec);
        } catch (RuntimeException e) {
            // A layout bug must not take the window down; show it like any other problem.
            fail(source, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
            return false;
        }
        Map<String, Position> positions = graphPositions();
        layout.forEach((id, at) -> positions.put(id, new Position(at.x(), at.y())));
        session.clear();
        // The document first: loading the job view sets the toolbar's barrier mode from this pipeline, which would
        // otherwise be recorded as an edit of the pipeline open before (and redraw it).
        document.opened(EditablePipeline.of(spec, positions), documentFile);
        lessonDocument = lesson;
        live.load(spec);
        failure.set(null);
        status.accept(Texts.format("status.opened", source.getFileName(), Counts.operatorsAndEdges(spec)));
        return true;
    }

    /** Whether the action may go on: yes without a running job; else as the user answers. */
    private boolean confirmStop(String action) {
        if (!session.running()) {
            return true;
        }
        if (stopPrompt.confirmStop(session.job().pipeline().name(), action)) {
            return true;
        }
        status.accept(Texts.format("status.cancelledJobRuns", action));
        return false;
    }

    /**
     * Whether the action may go on: yes without unsaved changes; else as the user answers (Save must succeed).
     */
    private boolean confirmDiscard(String action) {
        if (!document.unsavedProperty().get()) {
            return true;
        }
        return switch (prompt.ask(document.nameProperty().get(), action)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> {
                status.accept(Texts.format("status.cancelledUnsaved", action));
                yield false;
            }
        };
    }

    private void fail(Path pipelineFile, List<String> problems) {
        LoadFailure failed = new LoadFailure(pipelineFile, problems);
        failure.set(failed);
        status.accept(failed.summary());
    }

    private Map<String, Position> graphPositions() {
        Map<String, Position> positions = new HashMap<>();
        graph.nodes().forEach(node -> positions.put(node.id(), new Position(node.x(), node.y())));
        return positions;
    }
}
