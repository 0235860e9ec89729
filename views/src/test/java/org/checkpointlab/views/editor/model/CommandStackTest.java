package org.checkpointlab.views.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.views.editor.model.EditorFixtures.wordCountWithSpares;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.Partitioning;
import org.junit.jupiter.api.Test;

class CommandStackTest {

    private final EditablePipeline initial = wordCountWithSpares();
    private final CommandStack stack = new CommandStack(initial);

    @Test
    void newStack_hasNothingToUndoOrRedo_revisionZero_andNoUnsavedChanges() {
        assertThat(stack.current()).isEqualTo(initial);
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.canRedo()).isFalse();
        assertThat(stack.undoDescription()).isEmpty();
        assertThat(stack.redoDescription()).isEmpty();
        assertThat(stack.revision()).isZero();
        assertThat(stack.hasUnsavedChanges()).isFalse();
        assertThatThrownBy(stack::undo).isInstanceOf(IllegalStateException.class).hasMessage("nothing to undo");
        assertThatThrownBy(stack::redo).isInstanceOf(IllegalStateException.class).hasMessage("nothing to redo");
    }

    @Test
    void execute_appliesTheCommand_andOffersItsUndoWithTheDescription() {
        boolean changed = stack.execute(new AddOperator(OperatorKind.KEYED_COUNT, Position.ORIGIN));

        assertThat(changed).isTrue();
        assertThat(stack.current().operatorIds()).contains("keyed-count");
        assertThat(stack.undoDescription()).contains("Undo Add keyed-count");
        assertThat(stack.revision()).isEqualTo(1);
    }

    @Test
    void undoAndRedoSequences_restoreExactlyTheEarlierPipelines() {
        List<EditablePipeline> states = new ArrayList<>(List.of(stack.current()));
        List<EditCommand> commands = List.of(
                new AddOperator(OperatorKind.UNION, new Position(5, 5)),
                new SetParallelism("union", 3),
                new Connect("numbers", "union", Partitioning.REBALANCE),
                new Connect("union", "slow", Partitioning.FORWARD),
                new RenameOperator("union", "merge"),
                new SetParam("slow", "costMicros", 7),
                new MoveOperators(Set.of("merge", "slow"), 3, 4),
                new RemoveOperators(Set.of("count")),
                new Paste(CopiedOperators.of(initial, Set.of("sentences", "split")), 50, 50));
        for (EditCommand c : commands) {
            stack.execute(c);
            states.add(stack.current());
        }

        for (int i = states.size() - 2; i >= 0; i--) {
            stack.undo();
            assertThat(stack.current()).as("after undoing to step %d", i).isEqualTo(states.get(i));
        }
        for (int i = 1; i < states.size(); i++) {
            stack.redo();
            assertThat(stack.current()).as("after redoing step %d", i).isEqualTo(states.get(i));
        }
        assertThat(stack.revision()).isEqualTo(3L * commands.size());
    }

    @Test
    void descriptions_followUndoAndRedo() {
        stack.execute(new AddOperator(OperatorKind.KEYED_COUNT, Position.ORIGIN));
        stack.execute(new SetParallelism("count", 3));

        assertThat(stack.undoDescription()).contains("Undo Set parallelism of count to 3");
        stack.undo();
        assertThat(stack.undoDescription()).contains("Undo Add keyed-count");
        assertThat(stack.redoDescription()).contains("Redo Set parallelism of count to 3");
    }

    @Test
    void newEditAfterUndo_dropsTheRedoHistory() {
        stack.execute(new SetParallelism("count", 3));
        stack.undo();

        stack.execute(new SetParallelism("count", 4));

        assertThat(stack.canRedo()).isFalse();
        assertThat(stack.current().operator("count").orElseThrow().parallelism()).isEqualTo(4);
    }

    @Test
    void refusedCommand_leavesPipelineHistoryAndRevisionUnchanged() {
        stack.execute(new SetParallelism("count", 3));
        List<CommandStack> told = new ArrayList<>();
        stack.addListener(told::add);

        assertThatThrownBy(() -> stack.execute(new Connect("out", "count", Partitioning.HASH)))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot connect out -> count: 'out' is a sink (collect-sink) and has no outputs");

        assertThat(stack.current().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(stack.revision()).isEqualTo(1);
        assertThat(stack.undoDescription()).contains("Undo Set parallelism of count to 3");
        assertThat(told).isEmpty();
    }

    @Test
    void commandThatChangesNothing_isNotRecorded() {
        boolean changed = stack.execute(new SetParallelism("count", 2));

        assertThat(changed).isFalse();
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.revision()).isZero();
    }

    @Test
    void listeners_areToldOfEveryChange_untilRemoved() {
        List<Long> revisions = new ArrayList<>();
        CommandStackListener listener = s -> revisions.add(s.revision());
        stack.addListener(listener);

        stack.execute(new SetParallelism("count", 3));
        stack.undo();
        stack.redo();
        stack.select(Selection.ofOperators("count"));
        stack.markSaved();
        stack.removeListener(listener);
        stack.execute(new SetParallelism("count", 4));

        assertThat(revisions).containsExactly(1L, 2L, 3L, 3L, 3L);
    }

    @Test
    void select_changesTheSelectionWithoutAnUndoStepOrRevision() {
        stack.select(Selection.ofOperators("split"));

        assertThat(stack.current().selection()).isEqualTo(Selection.ofOperators("split"));
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.revision()).isZero();
        assertThat(stack.hasUnsavedChanges()).isFalse();
    }

    @Test
    void unsavedChanges_followEditsSaveAndUndoBackToTheSavedState() {
        stack.execute(new SetParallelism("count", 3));
        assertThat(stack.hasUnsavedChanges()).isTrue();

        stack.markSaved();
        assertThat(stack.hasUnsavedChanges()).isFalse();

        stack.execute(new SetParallelism("count", 4));
        assertThat(stack.hasUnsavedChanges()).isTrue();
        stack.undo();
        assertThat(stack.hasUnsavedChanges()).as("back at the saved state").isFalse();
        stack.undo();
        assertThat(stack.hasUnsavedChanges()).as("before the saved state").isTrue();
        stack.redo();
        assertThat(stack.hasUnsavedChanges()).isFalse();
    }

    @Test
    void savedStateThatWasUndoneAndReplacedByAnotherEdit_countsAsUnsaved() {
        stack.execute(new SetParallelism("count", 3));
        stack.markSaved();
        stack.undo();

        stack.execute(new SetParallelism("count", 3));

        assertThat(stack.current().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(stack.hasUnsavedChanges()).as("a different history, even if the values match").isTrue();
    }

    @Test
    void reset_startsOverCleanWithNoHistory() {
        stack.execute(new SetParallelism("count", 3));
        EditablePipeline other = EditablePipeline.empty("Other");

        stack.reset(other);

        assertThat(stack.current()).isEqualTo(other);
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.canRedo()).isFalse();
        assertThat(stack.hasUnsavedChanges()).isFalse();
        assertThat(stack.revision()).isEqualTo(2);
    }

    @Test
    void limit_forgetsTheOldestSteps() {
        CommandStack small = new CommandStack(initial, 3);
        for (int p = 3; p <= 7; p++) {
            small.execute(new SetParallelism("count", p));
        }

        int undone = 0;
        while (small.canUndo()) {
            small.undo();
            undone++;
        }

        assertThat(undone).isEqualTo(3);
        assertThat(small.current().operator("count").orElseThrow().parallelism()).isEqualTo(4);
        assertThat(small.hasUnsavedChanges()).isTrue();
        assertThatThrownBy(() -> new CommandStack(initial, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the undo limit must be at least 1, was 0");
    }

    @Test
    void defaultLimit_is200Steps() {
        for (int i = 0; i < 250; i++) {
            stack.execute(new MoveOperators(Set.of("count"), 1, 0));
        }
        int undone = 0;
        while (stack.canUndo()) {
            stack.undo();
            undone++;
        }

        assertThat(undone).isEqualTo(CommandStack.DEFAULT_LIMIT).isEqualTo(200);
        assertThat(stack.current().positionOf("count")).isEqualTo(new Position(450, 0));
    }
}
