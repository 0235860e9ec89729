package org.checkpointlab.views.state;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.savepoint.KeyLocation;
import org.checkpointlab.model.savepoint.KeyedStateEntry;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.model.savepoint.SavepointState;
import org.checkpointlab.model.savepoint.SavepointState.OperatorState;
import org.checkpointlab.model.savepoint.SavepointState.SubtaskState;
import org.checkpointlab.model.savepoint.StateLookupException;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.Units;

/**
 * The State view without controls: a savepoint or retained checkpoint read from disk ({@link #load()}), or the
 * running job's latest completed checkpoint ({@link #liveProperty()}, kept current by {@link RunningJobState}), its
 * operators, the selected operator's subtasks (key groups held, keys, state sizes) and keyed-state entries (of the
 * selected subtask, or all), and a key search ({@link #find()}) that says which key group and subtask hold the key,
 * at the saved parallelism and optionally at another, and its value. The reading is {@link SavepointState}'s, as
 * the command line's {@code inspect-savepoint --key}. FX thread only.
 */
public final class StateViewModel {
    /** Entries shown at most in the table; a search finds every key whatever this limit. */
    public static final int MAX_ROWS = 10_000;

    private final ObjectProperty<Path> path = new SimpleObjectProperty<>(this, "path");
    private final ReadOnlyObjectWrapper<SavepointState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<OperatorState> operators = FXCollections.observableArrayList();
    private final ObjectProperty<OperatorState> selectedOperator = new SimpleObjectProperty<>(this, "operator");
    private final ObservableList<SubtaskState> subtasks = FXCollections.observableArrayList();
    private final ObjectProperty<SubtaskState> selectedSubtask = new SimpleObjectProperty<>(this, "subtask");
    private final ObservableList<KeyedStateEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper entriesCaption = new ReadOnlyStringWrapper(this, "entriesCaption", "");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty parallelism = new SimpleStringProperty(this, "parallelism", "");
    private final ReadOnlyObjectWrapper<KeyLocation> found = new ReadOnlyObjectWrapper<>(this, "found");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live");

    public StateViewModel() {
        selectedOperator.addListener((obs, o, op) -> {
            subtasks.setAll(op == null ? List.of() : op.subtasks());
            selectedSubtask.set(null);
            showEntries();
        });
        selectedSubtask.addListener((obs, o, s) -> showEntries());
    }

    /** The directory to read (holds {@code _metadata.json}). */
    public ObjectProperty<Path> pathProperty() {
        return path;
    }

    /** The state read by the last successful {@link #load()}, or {@code null}. */
    public ReadOnlyObjectProperty<SavepointState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "savepoint #3 of Word count, taken 12:00:01, 4.1 KiB of state". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the last load failed, one line each (each naming the file). */
    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<OperatorState> operators() {
        return operators;
    }

    /** The operator whose subtasks and entries are shown; the key search looks in it. */
    public ObjectProperty<OperatorState> selectedOperatorProperty() {
        return selectedOperator;
    }

    public ObservableList<SubtaskState> subtasks() {
        return subtasks;
    }

    /** The subtask whose entries are shown, or {@code null} for every subtask's. */
    public ObjectProperty<SubtaskState> selectedSubtaskProperty() {
        return selectedSubtask;
    }

    /** The keyed-state entries shown: of the selected subtask, or all the operator's; at most {@link #MAX_ROWS}. */
    public ObservableList<KeyedStateEntry> entries() {
        return entries;
    }

    /** What the entries table shows, e.g. "Keyed state of count, subtask 1: 21 entries". */
    public ReadOnlyStringProperty entriesCaptionProperty() {
        return entriesCaption.getReadOnlyProperty();
    }

    /** The key to find, as text (a word, or a number for numeric keys). */
    public StringProperty keyProperty() {
        return key;
    }

    /** A parallelism to restore with, to see which subtask would hold the key then; empty for none. */
    public StringProperty parallelismProperty() {
        return parallelism;
    }

    /** The location of the key the last {@link #find()} found, or {@code null}. */
    public ReadOnlyObjectProperty<KeyLocation> foundProperty() {
        return found.getReadOnlyProperty();
    }

    /** The last search's answer, or why it has none. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * Reads and verifies the directory and decodes its keyed state; selects its first keyed operator.
     *
     * @return whether it loaded; if not, {@link #problems()} says why and nothing is shown
     */
    public boolean load() {
        live.set(false);
        problems.clear();
        if (path.get() == null) {
            clear();
            problems.add(Texts.get("savepoint.chooseFirst"));
            return false;
        }
        SavepointState read;
        try {
            read = SavepointState.of(SavepointReader.read(path.get()));
        } catch (SavepointException e) {
            clear();
            problems.setAll(org.checkpointlab.views.session.Problems.of(e));
            return false;
        } catch (RuntimeException e) {
            clear();
            problems.setAll(Texts.format("savepoint.unreadable", path.get(), e.getMessage()));
            return false;
        }
        SavepointMetadata m = read.savepoint().metadata();
        show(read, Texts.format("savepoint.summary", org.checkpointlab.views.state.RunningJobState.savepointType(m), m.checkpointId(), m.pipelineName(),
                Units.clock(m.timestamp()), Units.bytes(m.stateSize())));
        return true;
    }

    /**
     * Whether the view follows the running job's latest completed checkpoint ({@link RunningJobState} keeps it
     * current) rather than a directory; loading a directory turns it off.
     */
    public BooleanProperty liveProperty() {
        return live;
    }

    /**
     * Shows {@code read} (a directory's, or the running job's latest checkpoint) with its {@code summary} line. The
     * operator and subtask chosen stay chosen when the new state has them, and the last key found is looked up
     * again, so a view that follows the running job shows the key's value as it is now.
     */
    public void show(SavepointState read, String summaryLine) {
        String operatorId = selectedOperator.get() == null ? null : selectedOperator.get().id();
        Integer subtaskIndex = selectedSubtask.get() == null ? null : selectedSubtask.get().index();
        boolean refind = found.get() != null;
        problems.clear();
        state.set(read);
        summary.set(summaryLine);
        found.set(null);
        result.set("");
        operators.setAll(read.operators());
        OperatorState again = operatorId == null ? null : read.operator(operatorId).orElse(null);
        selectedOperator.set(again != null ? again : read.operators().stream().filter(OperatorState::keyed)
                .findFirst().orElse(read.operators().isEmpty() ? null : read.operators().get(0)));
        if (again != null && subtaskIndex != null) {
            selectedSubtask.set(again.subtasks().stream().filter(t -> t.index() == subtaskIndex).findFirst()
                    .orElse(null));
        }
        if (refind) {
            find();
        }
    }

    /** Shows nothing, with {@code why} as the summary (e.g. "no completed checkpoint yet"). */
    public void showNothing(String why) {
        clear();
        summary.set(why);
    }

    private void clear() {
        operators.clear();
        selectedOperator.set(null);
        state.set(null);
        summary.set("");
        found.set(null);
        result.set("");
    }

    /**
     * Looks the key up in the selected operator: its key group, the subtask holding it at the saved parallelism
     * and at the parallelism typed (if any), and its value; selects that subtask so its entries show.
     *
     * @return whether the key was found; if not, {@link #resultProperty()} says why
     */
    public boolean find() {
        found.set(null);
        SavepointState s = state.get();
        OperatorState op = selectedOperator.get();
        if (s == null || op == null) {
            result.set(Texts.get("state.chooseOperator"));
            return false;
        }
        String text = key.get() == null ? "" : key.get().trim();
        if (text.isEmpty()) {
            result.set(Texts.get("state.typeKey"));
            return false;
        }
        Integer newParallelism;
        try {
            newParallelism = parseParallelism();
        } catch (NumberFormatException e) {
            result.set(Texts.format("state.parallelism.wholeNumber", parallelism.get().trim()));
            return false;
        }
        KeyLocation location;
        try {
            location = s.locate(op.id(), text, newParallelism);
        } catch (StateLookupException e) {
            result.set(capitalized(e.getMessage()) + ".");
            return false;
        }
        found.set(location);
        selectedSubtask.set(op.subtasks().stream().filter(t -> t.index() == location.savedSubtask()).findFirst()
                .orElse(null));
        result.set(describe(location));
        return true;
    }

    /** "Key 'the': key group 57 of 128; subtask 0 at parallelism 2 (saved), subtask 1 at 4; count = 12". */
    static String describe(KeyLocation l) {
        return Texts.format("state.located", l.key(), l.keyGroup(), l.maxParallelism(), l.savedSubtask(),
                l.savedParallelism(), l.newParallelism() == null ? ""
                        : Texts.format("state.located.new", l.newSubtask(), l.newParallelism()), l.valuesText());
    }

    private Integer parseParallelism() {
        String text = parallelism.get() == null ? "" : parallelism.get().trim();
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    private void showEntries() {
        OperatorState op = selectedOperator.get();
        SubtaskState subtask = selectedSubtask.get();
        List<KeyedStateEntry> all = op == null ? List.of() : subtask == null ? op.entries() : subtask.entries();
        entries.setAll(all.size() > MAX_ROWS ? all.subList(0, MAX_ROWS) : all);
        if (op == null) {
            entriesCaption.set("");
        } else if (!op.keyed()) {
            entriesCaption.set(Texts.format("state.operatorStateOnly", op.id()));
        } else {
            String truncated = all.size() > MAX_ROWS ? Texts.format("state.entries.truncated", MAX_ROWS) : "";
            entriesCaption.set(subtask == null ? Texts.format("state.entries.all", op.id(), all.size(), truncated)
                    : Texts.format("state.entries.subtask", op.id(), subtask.index(), all.size(), truncated));
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
