package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.editor.UnsavedChangesPrompt.Choice;
import org.checkpointlab.views.editor.model.AddOperator;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.editor.model.RenameOperator;
import org.checkpointlab.views.editor.model.SetParallelism;
import org.checkpointlab.views.editor.model.SetPipelineName;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window's file and run commands on real pipeline files: New, Open, Save, Save As, the title's unsaved
 * marker, the unsaved-changes question (answered by a fake prompt), recent files, and Run using the edited pipeline.
 */
class FileCommandsTest {
    @TempDir
    Path dir;

    /** What the fake prompt answers next, and what it was asked. */
    private Choice answer = Choice.CANCEL;
    private final List<String> asked = new ArrayList<>();
    /** What the fake Save As chooser returns next, and the names it suggested. */
    private Optional<Path> chosenFile = Optional.empty();
    private final List<String> suggested = new ArrayList<>();
    /** Configs the fake engine was asked to start. */
    private final List<JobConfig> started = new ArrayList<>();

    private RecentFiles recent;
    private MainViewModel viewModel;
    private Path wordCount;
    private Path broadcast;

    @BeforeEach
    void setUp() throws IOException {
        LiveJobViewModel live = new LiveJobViewModel(new JobSession(config -> {
            started.add(config);
            throw new PipelineException(List.of("the test engine starts nothing"));
        }, TaskRunner.sameThread(), dir.resolve("sp")), RuntimeOptions.defaults(), () -> 0L);
        recent = RecentFiles.load(dir.resolve("home/recent.json"));
        viewModel = new MainViewModel(PipelineLoader.validating()::load, new SampleCatalog(dir.resolve("samples")),
                new PipelineGraphViewModel(), live, recent);
        viewModel.useDialogs((name, action) -> {
            asked.add(name + " / " + action);
            return answer;
        }, (name, directory) -> {
            suggested.add(name);
            return chosenFile;
        });
        wordCount = write("word-count.json", TestPipelines.wordCount());
        broadcast = write("broadcast.json", TestPipelines.broadcast());
    }

    private Path write(String name, PipelineSpec spec) throws IOException {
        Path file = dir.resolve(name);
        PipelineJson.write(spec, file);
        return file;
    }

    private void addOperator() {
        viewModel.edits().execute(new AddOperator(OperatorKind.KEYED_COUNT, new Position(0, 0)));
    }

    private void edit() {
        viewModel.edits().execute(new SetParallelism("count", 3));
    }

    /** Word count open and edited, the user answers {@code choice} to opening broadcast.json: did it open? */
    private boolean openBroadcastOverAnEdit(Choice choice) {
        viewModel.open(wordCount);
        edit();
        answer = choice;
        return viewModel.open(broadcast);
    }

    // ---- lessons --------------------------------------------------------------------------------------------------

    @Test
    void openingALesson_overAnotherLessonsExercise_doesNotAskToSave() {
        assertThat(viewModel.openLesson(wordCount, "Savepoints vs checkpoints")).isTrue();
        edit(); // what the lesson asked: restore at a new parallelism
        answer = Choice.CANCEL;

        assertThat(viewModel.openLesson(broadcast, "Barrier alignment")).isTrue();

        assertThat(asked).as("a lesson's exercise is the lesson's; it opens anew").isEmpty();
        assertThat(viewModel.edits().current().spec().name()).isEqualTo(TestPipelines.broadcast().name());
        assertThat(viewModel.statusProperty().get()).startsWith("Opened the lesson “Barrier alignment”");
    }

    @Test
    void openingALesson_overTheUsersOwnEdits_asksNamingTheLesson() {
        viewModel.open(wordCount);
        edit();
        answer = Choice.CANCEL;

        assertThat(viewModel.openLesson(broadcast, "Barrier alignment")).isFalse();

        assertThat(asked).containsExactly("Word count / opening the lesson “Barrier alignment”");
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();
    }

    @Test
    void openingAFile_overALessonsExercise_asks() {
        viewModel.openLesson(wordCount, "Savepoints vs checkpoints");
        edit();
        answer = Choice.CANCEL;

        assertThat(viewModel.open(broadcast)).isFalse();

        assertThat(asked).containsExactly("Word count / opening broadcast.json");
    }

    // ---- New ------------------------------------------------------------------------------------------------------

    @Test
    void newPipeline_showsAnEmptyUntitledPipelineWithoutFileOrHistory() {
        viewModel.open(wordCount);
        viewModel.edits().execute(new SetParallelism("count", 3));
        viewModel.edits().markSaved();

        assertThat(viewModel.newPipeline()).isTrue();

        assertThat(viewModel.edits().current().spec().operators()).isEmpty();
        assertThat(viewModel.edits().current().spec().name()).isEqualTo("Untitled");
        assertThat(viewModel.edits().canUndo()).isFalse();
        assertThat(viewModel.edits().hasUnsavedChanges()).isFalse();
        assertThat(viewModel.graph().nodes()).isEmpty();
        assertThat(viewModel.pipeline()).isNotNull();
        assertThat(viewModel.fileProperty().get()).isNull();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Untitled \u2013 Checkpoint Lab");
        assertThat(viewModel.runBlockedProperty().get()).startsWith("Cannot run: ");
    }

    // ---- title ----------------------------------------------------------------------------------------------------

    @Test
    void title_marksUnsavedChanges_andLosesTheMarkWhenSavedOrUndoneToTheSavedState() {
        viewModel.open(wordCount);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Word count \u2013 Checkpoint Lab");

        edit();
        assertThat(viewModel.titleProperty().get()).isEqualTo("\u2022 Word count \u2013 Checkpoint Lab");

        viewModel.edits().undo();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Word count \u2013 Checkpoint Lab");

        viewModel.edits().redo();
        assertThat(viewModel.save()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Word count \u2013 Checkpoint Lab");
    }

    // ---- Save / Save As -------------------------------------------------------------------------------------------

    @Test
    void save_writesTheEditedPipelineToItsFile_andReopeningGivesTheSameSpec() throws Exception {
        viewModel.open(wordCount);
        edit();
        viewModel.edits().execute(new RenameOperator("sink", "out"));
        PipelineSpec edited = viewModel.edits().current().spec();

        assertThat(viewModel.save()).isTrue();

        assertThat(viewModel.edits().hasUnsavedChanges()).isFalse();
        assertThat(PipelineJson.read(wordCount)).isEqualTo(edited);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("word-count.json", "broadcast.json", "home");
        }
        viewModel.open(broadcast);
        viewModel.open(wordCount);
        assertThat(viewModel.edits().current().spec()).isEqualTo(edited);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Opened word-count.json: 4 operators, 3 edges");
    }

    @Test
    void saveAs_appendsJsonWhenMissing_andTheFileBecomesTheOneSaveWritesTo() throws Exception {
        viewModel.open(wordCount);
        edit();
        chosenFile = Optional.of(dir.resolve("copy"));

        assertThat(viewModel.saveAs()).isTrue();

        Path copy = dir.resolve("copy.json");
        assertThat(suggested).containsExactly("word-count.json");
        assertThat(viewModel.fileProperty().get()).isEqualTo(copy);
        assertThat(PipelineJson.read(copy)).isEqualTo(viewModel.edits().current().spec());
        assertThat(PipelineJson.read(wordCount)).as("the original is untouched").isEqualTo(TestPipelines.wordCount());

        viewModel.edits().execute(new SetParallelism("count", 5));
        viewModel.save();
        assertThat(PipelineJson.read(copy).operator("count").orElseThrow().parallelism()).isEqualTo(5);
    }

    @Test
    void saveAs_ofAnUntitledPipeline_namesItAfterTheFile_soTheTitleAndTheFileAgree() throws Exception {
        viewModel.newPipeline();
        addOperator();
        chosenFile = Optional.of(dir.resolve("my-job.json"));

        assertThat(viewModel.saveAs()).isTrue();

        assertThat(viewModel.edits().current().spec().name()).isEqualTo("my-job");
        assertThat(PipelineJson.read(dir.resolve("my-job.json")).name()).isEqualTo("my-job");
        assertThat(viewModel.titleProperty().get()).isEqualTo("my-job \u2013 Checkpoint Lab");
        assertThat(viewModel.edits().hasUnsavedChanges()).isFalse();

        viewModel.edits().execute(new SetPipelineName("Mine"));
        chosenFile = Optional.of(dir.resolve("other.json"));
        viewModel.saveAs();
        assertThat(PipelineJson.read(dir.resolve("other.json")).name()).as("a name the user gave is kept")
                .isEqualTo("Mine");
    }

    @Test
    void save_ofANewPipeline_asksForAFileNamedAfterThePipeline_andCancellingSavesNothing() {
        viewModel.newPipeline();
        addOperator();

        assertThat(viewModel.save()).isFalse();

        assertThat(suggested).containsExactly("untitled.json");
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();
        assertThat(viewModel.fileProperty().get()).isNull();
    }

    @Test
    void save_ofAPipelineWithProblems_writesItAndSaysHowManyProblemsItHas() throws Exception {
        viewModel.newPipeline();
        addOperator();
        int problems = viewModel.edits().current().problems().size();
        assertThat(problems).isPositive();
        chosenFile = Optional.of(dir.resolve("draft.json"));

        assertThat(viewModel.save()).isTrue();

        assertThat(PipelineJson.read(dir.resolve("draft.json"))).isEqualTo(viewModel.edits().current().spec());
        assertThat(viewModel.statusProperty().get()).startsWith("Saved draft.json \u2013 it has " + problems
                + (problems == 1 ? " problem" : " problems") + " to fix before it can run: ");
    }

    @Test
    void saveThatFails_showsWhyAndLosesNothing() throws Exception {
        viewModel.open(wordCount);
        edit();
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");

        assertThat(viewModel.saveTo(notAFolder.resolve("out.json"))).isFalse();

        LoadFailure failure = viewModel.failureProperty().get();
        assertThat(failure.saving()).isTrue();
        assertThat(failure.summary()).isEqualTo("Could not save out.json: 1 problem");
        assertThat(failure.problems()).singleElement().asString().startsWith("cannot write ")
                .contains("out.json");
        assertThat(viewModel.fileProperty().get()).isEqualTo(wordCount);
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();
        assertThat(viewModel.edits().current().spec().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(PipelineJson.read(wordCount)).isEqualTo(TestPipelines.wordCount());
        assertThat(viewModel.statusProperty().get()).contains("nothing was lost");
    }

    // ---- Open -----------------------------------------------------------------------------------------------------

    @Test
    void failedOpen_leavesThePipelineAndItsEditHistoryUntouched() throws Exception {
        viewModel.open(wordCount);
        edit();
        EditablePipeline before = viewModel.edits().current();
        long revision = viewModel.edits().revision();
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": 1, \"nmae\": \"typo\"}");

        assertThat(viewModel.open(broken)).isFalse();

        assertThat(viewModel.edits().current()).isEqualTo(before);
        assertThat(viewModel.edits().revision()).isEqualTo(revision);
        assertThat(viewModel.edits().undoDescription()).contains("Undo Set parallelism of count to 3");
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();
        assertThat(viewModel.fileProperty().get()).isEqualTo(wordCount);
        assertThat(viewModel.failureProperty().get().problems()).anySatisfy(p ->
                assertThat(p).startsWith("broken.json: ").contains("nmae"));
        assertThat(asked).as("a file that cannot be opened does not ask about unsaved changes").isEmpty();
    }

    @Test
    void openSample_hasNoFile_soSaveAsksWhereInsteadOfOverwritingTheSample() throws Exception {
        Files.createDirectories(dir.resolve("samples"));
        Path sample = write("samples/word-count.json", TestPipelines.wordCount());

        viewModel.openAtStart(List.of());
        edit();
        viewModel.save();

        assertThat(viewModel.fileProperty().get()).isNull();
        assertThat(suggested).containsExactly("word-count.json");
        assertThat(PipelineJson.read(sample)).isEqualTo(TestPipelines.wordCount());
        assertThat(viewModel.recentFiles()).doesNotContain(sample.toAbsolutePath());
    }

    // ---- unsaved-changes question -----------------------------------------------------------------------------

    @Test
    void withoutUnsavedChanges_nothingIsAsked() {
        viewModel.open(wordCount);

        assertThat(viewModel.open(broadcast)).isTrue();
        assertThat(viewModel.newPipeline()).isTrue();
        assertThat(viewModel.requestClose()).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void openWithUnsavedChanges_cancel_keepsThePipelineAndItsChanges() {
        assertThat(openBroadcastOverAnEdit(Choice.CANCEL)).isFalse();

        assertThat(asked).containsExactly("Word count / opening broadcast.json");
        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();
        assertThat(viewModel.fileProperty().get()).isEqualTo(wordCount);
    }

    @Test
    void openWithUnsavedChanges_dontSave_opensAndTheFileKeepsItsOldContent() throws Exception {
        assertThat(openBroadcastOverAnEdit(Choice.DISCARD)).isTrue();

        assertThat(viewModel.pipeline().name()).isEqualTo("Broadcast");
        assertThat(viewModel.edits().hasUnsavedChanges()).isFalse();
        assertThat(PipelineJson.read(wordCount)).isEqualTo(TestPipelines.wordCount());
    }

    @Test
    void openWithUnsavedChanges_save_writesTheChangesThenOpens() throws Exception {
        assertThat(openBroadcastOverAnEdit(Choice.SAVE)).isTrue();

        assertThat(PipelineJson.read(wordCount).operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(viewModel.pipeline().name()).isEqualTo("Broadcast");
    }

    @Test
    void newWithUnsavedChangesOfANewPipeline_save_butTheChooserIsCancelled_keepsEverything() {
        viewModel.newPipeline();
        addOperator();
        answer = Choice.SAVE;
        chosenFile = Optional.empty();

        assertThat(viewModel.newPipeline()).isFalse();

        assertThat(asked).containsExactly("Untitled / starting a new pipeline");
        assertThat(viewModel.edits().current().operatorIds()).hasSize(1);
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();
    }

    @Test
    void closeWithUnsavedChanges_followsTheAnswer_andAFailedSaveKeepsTheWindowOpen() throws IOException {
        viewModel.newPipeline();
        addOperator();

        answer = Choice.CANCEL;
        assertThat(viewModel.requestClose()).isFalse();
        answer = Choice.SAVE;
        chosenFile = Optional.of(Files.writeString(dir.resolve("plain-file"), "x").resolve("draft.json"));
        assertThat(viewModel.requestClose()).as("the save failed").isFalse();
        assertThat(viewModel.failureProperty().get().saving()).isTrue();
        answer = Choice.DISCARD;
        assertThat(viewModel.requestClose()).isTrue();
        assertThat(asked).containsExactly("Untitled / closing Checkpoint Lab", "Untitled / closing Checkpoint Lab",
                "Untitled / closing Checkpoint Lab");
    }

    // ---- recent files -----------------------------------------------------------------------------------------

    @Test
    void recentFiles_listOpenedAndSavedFilesMostRecentFirst_andSurviveARestart() {
        viewModel.open(wordCount);
        viewModel.open(broadcast);
        chosenFile = Optional.of(dir.resolve("copy.json"));
        viewModel.saveAs();
        viewModel.open(wordCount);

        List<Path> expected = List.of(wordCount.toAbsolutePath(), dir.resolve("copy.json").toAbsolutePath(),
                broadcast.toAbsolutePath());
        assertThat(viewModel.recentFiles()).containsExactlyElementsOf(expected);
        assertThat(RecentFiles.load(dir.resolve("home/recent.json")).files()).containsExactlyElementsOf(expected);

        viewModel.clearRecentFiles();
        assertThat(RecentFiles.load(dir.resolve("home/recent.json")).files()).isEmpty();
    }

    // ---- Run ------------------------------------------------------------------------------------------------------

    @Test
    void run_startsThePipelineAsEdited() {
        viewModel.open(wordCount);
        edit();

        viewModel.run();

        assertThat(started).singleElement().satisfies(config ->
                assertThat(config.pipeline()).isEqualTo(viewModel.edits().current().spec()));
    }

    @Test
    void run_isRefusedWithTheReasonWhileThePipelineHasProblems() {
        viewModel.open(wordCount);
        // a forward edge between sentences (2) and split (3) cannot run
        viewModel.edits().execute(new SetParallelism("split", 3));

        assertThat(viewModel.run()).isFalse();

        assertThat(started).isEmpty();
        assertThat(viewModel.runBlockedProperty().get()).startsWith("Cannot run: ").contains("forward");
        assertThat(viewModel.statusProperty().get()).isEqualTo(viewModel.runBlockedProperty().get());
        viewModel.edits().undo();
        assertThat(viewModel.runBlockedProperty().get()).isEmpty();
    }

    @Test
    void graphNodes_ofAnOpenedFile_matchTheEdits() {
        viewModel.open(wordCount);

        assertThat(viewModel.graph().nodes()).extracting(OperatorNode::id)
                .containsExactlyElementsOf(viewModel.edits().current().operatorIds());
        assertThat(viewModel.edits().current().spec().operators()).extracting(OperatorSpec::parallelism)
                .containsExactly(2, 2, 4, 1);
    }

    @Test
    void openingAPipelineOverOneWhoseBarrierModeWasChanged_laysItOutAsItsOwn() throws IOException {
        new org.checkpointlab.views.editor.EditorViewModel(viewModel.edits(), viewModel.graph(),
                viewModel.live()::load, viewModel.structureLockedProperty()); // the graph follows the edits
        Path keyedCount = write("keyed-count.json", new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "Keyed count",
                List.of(TestPipelines.operator("numbers", "sequence-source", 2),
                        TestPipelines.operator("count", "keyed-count", 2),
                        TestPipelines.operator("sink", "collect-sink", 1)),
                List.of(TestPipelines.edge("numbers", "count", Partitioning.HASH),
                        TestPipelines.edge("count", "sink", Partitioning.REBALANCE)), Map.of(), true));
        assertThat(viewModel.open(keyedCount)).isTrue();
        Map<String, javafx.geometry.Point2D> fresh = positions();

        assertThat(viewModel.open(wordCount)).isTrue(); // its count stands one column further right
        viewModel.live().barrierModeProperty().set(org.checkpointlab.views.live.BarrierMode.AT_LEAST_ONCE);
        assertThat(viewModel.edits().canUndo()).as("the mode is an edit of word count").isTrue();
        answer = Choice.DISCARD;
        assertThat(viewModel.open(keyedCount)).isTrue();

        assertThat(positions()).as("not word count's places for the operators of the same ids").isEqualTo(fresh);
    }

    private Map<String, javafx.geometry.Point2D> positions() {
        Map<String, javafx.geometry.Point2D> at = new java.util.HashMap<>();
        viewModel.graph().nodes().forEach(n -> at.put(n.id(), new javafx.geometry.Point2D(n.x(), n.y())));
        return at;
    }
}
