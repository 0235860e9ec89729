package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.PipelineDocument;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.editor.SaveFileChooser;
import org.checkpointlab.views.editor.StopRunningJobPrompt;
import org.checkpointlab.views.editor.UnsavedChangesPrompt;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.RescalePlan;
import org.checkpointlab.views.settings.ToolbarBarrierMode;

/**
 * State and commands of the main window, without any control: the pipeline being edited ({@link #document()}, with
 * its edit history {@link #edits()}), the graph drawn for it, the window title, the status line, the last file
 * failure, the samples and recent files on offer, and the job that runs it.
 *
 * <p>File commands: New, Open (a file, a sample or a recent file), Save and Save As, done by
 * {@link PipelineFileCommands}. Opening a file that fails to load leaves the pipeline, its graph and its edit history
 * exactly as they were and publishes a {@link LoadFailure}; a failed save does the same. Before New, Open or closing
 * would lose unsaved changes, the {@link UnsavedChangesPrompt} asks: save, don't save, or cancel. A sample opens
 * without a file, so Save asks where to write instead of overwriting the sample.
 *
 * <p>Job commands: {@link #run()} starts the pipeline as edited (refused with the reason while it has problems);
 * while a job is active {@link #structureLockedProperty()} is true and the parallelism is changed with
 * {@link #rescaleViaSavepoint(Map)} instead. The job belongs to the {@link JobSession}; whenever it is replaced by
 * one at another parallelism (a rescale, a restore from the Job menu), the editor records the running job's
 * parallelism as one undoable step ({@link JobParallelism}), so the graph, inspector and panels show the job as it
 * runs. Opening or starting
 * a new pipeline stops the running job after the {@link StopRunningJobPrompt} agreed, and the panels start clean.
 * FX thread only.
 */
public final class MainViewModel {
    /** The window title when no pipeline is open. */
    public static final String APP_TITLE = "Checkpoint Lab";
    /** The status line when no pipeline is open. */
    public static final String EMPTY_HINT = Texts.get("main.emptyHint");
    /** Marks the title of a pipeline with unsaved changes. */
    public static final String UNSAVED_MARK = "\u2022 ";

    private final SampleCatalog samples;
    private final PipelineGraphViewModel graph;
    private final LiveJobViewModel live;
    private final JobSession session;
    private final RecentFiles recent;
    private final PipelineFileCommands files;
    private final JobParallelism parallelism;
    private final CommandStack edits = new CommandStack(EditablePipeline.empty(PipelineDocument.untitled()));
    private final PipelineDocument document = new PipelineDocument(edits);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_TITLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", EMPTY_HINT);
    private final ReadOnlyStringWrapper runBlocked = new ReadOnlyStringWrapper(this, "runBlocked", "");
    private final ReadOnlyBooleanWrapper structureLocked = new ReadOnlyBooleanWrapper(this, "structureLocked");
    private final BooleanBinding empty;

    /** A main window whose jobs run on this process's engine, with watchable buffers. */
    public MainViewModel(PipelineLoader loader, SampleCatalog samples, PipelineGraphViewModel graph) {
        this(loader, samples, graph, new LiveJobViewModel(JobSession.forApp(JobLauncher.local()),
                LiveJobViewModel.WATCHABLE_BUFFERS, System::currentTimeMillis));
    }

    /** A main window with a recent-files list that is not persisted. */
    public MainViewModel(PipelineLoader loader, SampleCatalog samples, PipelineGraphViewModel graph,
                         LiveJobViewModel live) {
        this(loader, samples, graph, live, RecentFiles.inMemory());
    }

    /**
     * @param live   draws the job of its {@link LiveJobViewModel#session() session} (the owner of the job, which the
     *               checkpoint panels share) on the graph
     * @param recent the recent files (persisted in the app)
     */
    public MainViewModel(PipelineLoader loader, SampleCatalog samples, PipelineGraphViewModel graph,
                         LiveJobViewModel live, RecentFiles recent) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.live = Objects.requireNonNull(live, "live");
        this.session = live.session();
        this.recent = Objects.requireNonNull(recent, "recent");
        this.empty = Bindings.isNull(graph.pipelineProperty());
        this.files = new PipelineFileCommands(loader, samples, recent, document, graph, live, status::set);
        this.parallelism = new JobParallelism(live, edits, status::set);
        structureLocked.bind(live.activeProperty().or(parallelism.rescalingProperty()));
        ToolbarBarrierMode.bind(edits, live.barrierModeProperty(), live.activeProperty());
        document.nameProperty().addListener((obs, o, n) -> updateTitle());
        document.unsavedProperty().addListener((obs, o, n) -> updateTitle());
        document.openProperty().addListener((obs, o, n) -> updateTitle());
        edits.addListener(stack -> updateRunBlocked());
        updateRunBlocked();
    }

    public PipelineGraphViewModel graph() {
        return graph;
    }

    /** The job of the open pipeline: run, pause, slow motion, checkpoints, failures, and what the view draws. */
    public LiveJobViewModel live() {
        return live;
    }

    /** The job session shared with the checkpoint panels (savepoints, restore, rescale). */
    public JobSession session() {
        return session;
    }

    /**
     * The pipeline as the editor holds it, with undo/redo and unsaved-changes tracking: reset (and counted as
     * saved) whenever a file opens, with each card where the graph's layout put it, and on New.
     */
    public CommandStack edits() {
        return edits;
    }

    /** The pipeline being edited as a document: its file, unsaved changes, name. */
    public PipelineDocument document() {
        return document;
    }

    /** The recent files for File &gt; Open recent, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recent.files();
    }

    /** The pipeline the graph shows, or {@code null}. */
    public PipelineSpec pipeline() {
        return graph.pipelineProperty().get();
    }

    /** The file Save writes to, or {@code null} (nothing open, a new pipeline, or a sample). */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return document.fileProperty();
    }

    /** The last failed open or save, or {@code null} once one succeeds or the user dismisses it. */
    public ReadOnlyObjectProperty<LoadFailure> failureProperty() {
        return files.failureProperty();
    }

    /**
     * "Checkpoint Lab" with nothing open, else "pipeline name – Checkpoint Lab", preceded by {@value #UNSAVED_MARK}
     * while there are unsaved changes.
     */
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

    /** Why Run is not possible now ("Cannot run: ..."), or empty when the edited pipeline can run. */
    public ReadOnlyStringProperty runBlockedProperty() {
        return runBlocked.getReadOnlyProperty();
    }

    /**
     * True while a job of the pipeline is active (running, restarting, being rescaled): the editor then refuses
     * structural edits (adding, removing, wiring operators) and offers parallelism changes as
     * {@link #rescaleViaSavepoint(String, int)}.
     */
    public ReadOnlyBooleanProperty structureLockedProperty() {
        return structureLocked.getReadOnlyProperty();
    }

    /** True from the start of a rescale via savepoint until the job runs again (or the rescale failed). */
    public ReadOnlyBooleanProperty rescalingProperty() {
        return parallelism.rescalingProperty();
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
     * How the window asks the user: the unsaved-changes question and the Save As file chooser. Until set, unsaved
     * changes are never discarded (the answer is Cancel) and Save As finds no file.
     */
    public void useDialogs(UnsavedChangesPrompt unsavedPrompt, SaveFileChooser saveFileChooser) {
        files.useDialogs(unsavedPrompt, saveFileChooser);
    }

    /** How the window asks before opening or starting another pipeline stops the running job. Until set: yes. */
    public void useStopPrompt(StopRunningJobPrompt prompt) {
        files.useStopPrompt(prompt);
    }

    // ---- file commands ----------------------------------------------------------------------------------------------

    /**
     * Starts an empty pipeline named "Untitled" (after the unsaved-changes question); stops the running job.
     *
     * @return whether it started (false when the user cancelled)
     */
    public boolean newPipeline() {
        return files.newPipeline();
    }

    /**
     * Opens a pipeline file for editing; Save then writes back to it.
     *
     * @return whether it opened; if not, {@link #failureProperty()} says why (or the user cancelled) and the pipeline,
     * graph and edit history stay as they were
     */
    public boolean open(Path pipelineFile) {
        return files.open(pipelineFile);
    }

    /** Opens a sample as a template: it has no file, so Save asks where to write it. As {@link #open}. */
    public boolean openSample(Path sample) {
        return files.openSample(sample);
    }

    /** Opens a lesson's pipeline (see {@link PipelineFileCommands#openLesson}); false when it did not open. */
    public boolean openLesson(Path pipeline, String lessonTitle) {
        return files.openLesson(pipeline, lessonTitle);
    }

    /**
     * What the window opens at start: the file given as first program argument, else the default sample when
     * it exists, else nothing.
     */
    public void openAtStart(List<String> programArguments) {
        files.openAtStart(programArguments);
    }

    /**
     * Saves to the pipeline's file, or asks for one (Save As) when it has none.
     *
     * @return whether it was saved (false when the user cancelled or the write failed: see {@link #failureProperty()})
     */
    public boolean save() {
        return files.save();
    }

    /** Asks for a file and saves there; it becomes the pipeline's file. As {@link #save()}. */
    public boolean saveAs() {
        return files.saveAs();
    }

    /**
     * Writes the pipeline being edited to {@code target} ({@code .json} appended when missing), atomically; it then
     * counts as saved and {@code target} becomes its file. A pipeline with problems is saved too, and the status
     * line says how many it has. If the write fails, nothing changes and {@link #failureProperty()} says why.
     */
    public boolean saveTo(Path target) {
        return files.saveTo(target);
    }

    /** Forgets the recent files. */
    public void clearRecentFiles() {
        recent.clear();
    }

    /**
     * Asks about unsaved changes before the window closes (Quit, or the window's close button).
     *
     * @return whether the window may close
     */
    public boolean requestClose() {
        return files.requestClose();
    }

    /** Hides the last failure (the user has read it). */
    public void dismissFailure() {
        files.dismissFailure();
    }

    // ---- job commands -----------------------------------------------------------------------------------------------

    /**
     * Runs the pipeline as edited: the live view takes the edited spec first when it changed. Refused, with the
     * reason in {@link #runBlockedProperty()} and the status line, while the pipeline has problems.
     *
     * @return whether a job started
     */
    public boolean run() {
        updateRunBlocked();
        if (!runBlocked.get().isEmpty()) {
            status.set(runBlocked.get());
            return false;
        }
        if (live.activeProperty().get()) {
            return false;
        }
        PipelineSpec spec = edits.current().spec();
        PipelineSpec shown = live.pipelineProperty().get();
        if (!spec.equals(shown)) {
            BarrierMode chosen = live.barrierModeProperty().get();
            live.load(spec);
            if (shown != null && spec.checkpointing().equals(shown.checkpointing())) {
                live.barrierModeProperty().set(chosen); // the user's choice, unless the file's settings changed
            }
        }
        return live.run();
    }

    /** {@link #rescaleViaSavepoint(Map)} of one operator; what the inspector calls while the job runs. */
    public RescalePlan rescaleViaSavepoint(String operatorId, int parallelism) {
        return rescaleViaSavepoint(Map.of(operatorId, parallelism));
    }

    /**
     * Rescale via savepoint: checks the new parallelism against the running job (max parallelism and key groups,
     * pipeline validation), then stops the job with a savepoint and starts the same pipeline from it with the new
     * parallelism; once it runs, the change is recorded in {@link #edits()} as one undoable step. Problems found
     * before the stop leave the job running untouched; the outcome is in the status line.
     *
     * @return the plan; when it has problems nothing was done
     */
    public RescalePlan rescaleViaSavepoint(Map<String, Integer> parallelism) {
        return this.parallelism.rescaleViaSavepoint(parallelism);
    }

    // ---- internals --------------------------------------------------------------------------------------------------

    private void updateTitle() {
        title.set(!document.openProperty().get() ? APP_TITLE
                : (document.unsavedProperty().get() ? UNSAVED_MARK : "") + document.nameProperty().get()
                        + " \u2013 " + APP_TITLE);
    }

    private void updateRunBlocked() {
        if (!document.openProperty().get()) {
            runBlocked.set(Texts.get("run.openFirst"));
            return;
        }
        List<String> problems = edits.current().problems();
        runBlocked.set(problems.isEmpty() ? "" : problems.size() == 1 ? Texts.format("run.blocked", problems.get(0))
                : Texts.format("run.blocked.more", problems.get(0),
                        Counts.of(problems.size() - 1, "count.moreProblem")));
    }
}
