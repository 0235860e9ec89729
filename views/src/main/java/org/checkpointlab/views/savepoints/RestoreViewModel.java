package org.checkpointlab.views.savepoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.checkpointlab.views.session.Units;

/**
 * The restore dialog without controls: load a savepoint (or retained checkpoint) directory and show its operators
 * with parallelism, max parallelism and state size; let the user pick a parallelism per operator (1..max
 * parallelism), the state backend and allow-non-restored-state; restore through the {@link JobSession}; then show
 * which key groups each new subtask took over from which old subtasks. A savepoint that cannot be read or
 * restored produces problems and leaves the running job alone. FX thread only; the savepoint is read on the
 * session's {@link TaskRunner}.
 */
public final class RestoreViewModel {
    private final JobSession session;
    private final ObjectProperty<Path> path = new SimpleObjectProperty<>(this, "path");
    private final ReadOnlyObjectWrapper<Savepoint> savepoint = new ReadOnlyObjectWrapper<>(this, "savepoint");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<OperatorRestoreRow> operators = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<StateBackendKind> backend = new SimpleObjectProperty<>(this, "backend",
            StateBackendKind.HASHMAP);
    private final BooleanProperty incremental = new SimpleBooleanProperty(this, "incremental");
    private final BooleanProperty allowNonRestoredState = new SimpleBooleanProperty(this, "allowNonRestoredState");
    private final ObservableList<KeyGroupTakeover> takeover = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper outcomeFailed = new ReadOnlyBooleanWrapper(this, "outcomeFailed");
    /** Forward edges whose two ends the chosen parallelism makes different: the restore would be refused. */
    private final ObservableList<EdgeSpec> forwardConflicts = FXCollections.observableArrayList();
    /** Forward edges the user changed to rebalance here; the restore starts the pipeline with them so. */
    private final List<EdgeSpec> rebalanced = new ArrayList<>();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    /** Reads savepoints off the FX thread: the session's runner. */
    private final TaskRunner runner;
    /** The reader given by a test, or null: the running job's. */
    private final SavepointRead reader;
    /** Counts {@link #load()} calls: a read that ends after a newer one started is dropped. */
    private long reads;

    /**
     * A forward edge changed to rebalance here is changed for the restored job; the pipeline being edited follows the
     * job once it runs (with its new parallelism, as one undoable step), so the running job is not stopped by an
     * edit before the restore.
     */
    public RestoreViewModel(JobSession session) {
        this(session, null, session.runner());
    }

    /** With the savepoint {@code reader} and the {@code runner} it runs on (tests: a slow or failing reader). */
    RestoreViewModel(JobSession session, SavepointRead reader, TaskRunner runner) {
        this.session = Objects.requireNonNull(session, "session");
        this.reader = reader;
        this.runner = Objects.requireNonNull(runner, "runner");
        JobClient job = session.job();
        if (job != null) {
            backend.set(job.config().backend());
        }
    }

    /** The directory chosen; {@link #load()} reads it. */
    public ObjectProperty<Path> pathProperty() {
        return path;
    }

    /** The savepoint read by the last successful {@link #load()} once read, or {@code null}. */
    public ReadOnlyObjectProperty<Savepoint> savepointProperty() {
        return savepoint.getReadOnlyProperty();
    }

    /** "savepoint #12 of Word count, taken 12:00:01, 34.2 KiB". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<OperatorRestoreRow> operators() {
        return operators;
    }

    /** What stopped the last load or restore, one line each. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ObjectProperty<StateBackendKind> backendProperty() {
        return backend;
    }

    public BooleanProperty incrementalProperty() {
        return incremental;
    }

    public BooleanProperty allowNonRestoredStateProperty() {
        return allowNonRestoredState;
    }

    /** After a restore: for every new subtask of every keyed operator, its key groups and their old owners. */
    public ObservableList<KeyGroupTakeover> takeover() {
        return takeover;
    }

    /** What the last restore did. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Whether {@link #outcomeProperty()} reports a restore that did not happen (shown as a failure). */
    public ReadOnlyBooleanProperty outcomeFailedProperty() {
        return outcomeFailed.getReadOnlyProperty();
    }

    /**
     * Reads the chosen directory in the background (a Flink savepoint takes about 100 ms, a large one longer): until
     * the read ends {@link #readingProperty()} is true and the summary says so; then the operator table lists the
     * pipeline's operators (with the saved parallelism, max parallelism and state of each) and then saved operators
     * the pipeline no longer has. A directory that cannot be read leaves the table empty and {@link #problems()}
     * says why. A read overtaken by another {@code load()} is dropped.
     */
    public void load() {
        long read = ++reads;
        problems.clear();
        takeover.clear();
        outcome.set("");
        outcomeFailed.set(false);
        operators.clear();
        savepoint.set(null);
        summary.set("");
        Path chosen = path.get();
        if (chosen == null) {
            reading.set(false);
            problems.add(Texts.get("savepoint.chooseFirst"));
            return;
        }
        reading.set(true);
        summary.set(Texts.get("restore.reading"));
        SavepointRead reader = this.reader != null ? this.reader : readerOf(session.job());
        runner.run(() -> reader.read(chosen), loaded -> {
            if (read == reads) {
                reading.set(false);
                show(loaded);
            }
        }, error -> {
            if (read == reads) {
                reading.set(false);
                summary.set("");
                problems.setAll(error instanceof SavepointException e ? org.checkpointlab.views.session.Problems.of(e)
                        : List.of(Texts.format("savepoint.unreadable", chosen, error.getMessage())));
            }
        });
    }

    /** True while {@link #load()} reads a savepoint. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Reads a savepoint directory; blocks on the file system. */
    @FunctionalInterface
    interface SavepointRead {
        Savepoint read(Path directory) throws SavepointException;
    }

    /** In the format of the running job's engine, or the local engine's when there is no job. */
    private static SavepointRead readerOf(JobClient job) {
        return job != null ? job::readSavepoint : SavepointReader::read;
    }

    private void show(Savepoint read) {
        savepoint.set(read);
        SavepointMetadata m = read.metadata();
        summary.set(Texts.format("savepoint.summary", org.checkpointlab.views.state.RunningJobState.savepointType(m), m.checkpointId(), m.pipelineName(),
                Units.clock(m.timestamp()), Units.bytes(m.stateSize())));
        JobClient job = session.job();
        PipelineSpec pipeline = job == null ? null : job.pipeline();
        List<String> listed = new ArrayList<>();
        if (pipeline != null) {
            for (OperatorSpec op : pipeline.operators()) {
                SavepointMetadata.OperatorEntry saved = read.operator(op.id());
                operators.add(saved == null
                        ? OperatorRestoreRow.of(op.id(), op.kind(), 0, op.maxParallelism() != null
                                ? op.maxParallelism() : org.checkpointlab.model.state.KeyGroups
                                .defaultMaxParallelism(op.parallelism()), 0, true, op.parallelism())
                        : OperatorRestoreRow.of(op.id(), op.kind(), saved.parallelism(), saved.maxParallelism(),
                                stateBytes(saved), true, op.parallelism()));
                operators.get(operators.size() - 1).newParallelism().addListener((obs, o, n) -> checkForward());
                listed.add(op.id());
            }
        }
        for (SavepointMetadata.OperatorEntry saved : m.operators()) {
            if (!listed.contains(saved.id())) {
                operators.add(OperatorRestoreRow.of(saved.id(), saved.kind(), saved.parallelism(),
                        saved.maxParallelism(), stateBytes(saved), false, saved.parallelism()));
            }
        }
        checkForward();
    }

    /**
     * Forward edges whose ends would run at different parallelism with the parallelism chosen: Flink refuses them
     * (a forward edge connects subtask i to subtask i only). {@link #changeForwardToRebalance()} offers the way out.
     */
    public ObservableList<EdgeSpec> forwardConflicts() {
        return forwardConflicts;
    }

    /**
     * Changes every edge in {@link #forwardConflicts()} to rebalance for the restore. The running job is left as it
     * is until the restore replaces it; then the pipeline being edited follows the restored job.
     */
    public void changeForwardToRebalance() {
        rebalanced.addAll(forwardConflicts);
        checkForward();
        if (!problems.isEmpty()) {
            problems.setAll(validate()); // the forward edges' problem is solved
        }
    }

    private void checkForward() {
        JobClient job = session.job();
        List<EdgeSpec> conflicts = new ArrayList<>();
        if (job != null) {
            Map<String, Integer> chosen = new LinkedHashMap<>();
            operators.forEach(r -> chosen.put(r.id(), r.newParallelism().get()));
            for (EdgeSpec e : job.pipeline().edges()) {
                if (e.partitioning() == Partitioning.FORWARD && !rebalanced.contains(e)
                        && !Objects.equals(chosen.get(e.from()), chosen.get(e.to()))) {
                    conflicts.add(e);
                }
            }
        }
        if (!conflicts.equals(forwardConflicts)) {
            forwardConflicts.setAll(conflicts);
        }
    }

    /** {@code config} with the edges changed to rebalance here. */
    private JobConfig withRebalanced(JobConfig c) {
        if (rebalanced.isEmpty()) {
            return c;
        }
        PipelineSpec p = c.pipeline();
        PipelineSpec changed = new PipelineSpec(p.format(), p.name(), p.operators(), p.edges().stream()
                .map(e -> rebalanced.contains(e) ? new EdgeSpec(e.from(), e.to(), Partitioning.REBALANCE) : e)
                .toList(), p.checkpointing(), p.chaining());
        return new JobConfig(changed, c.checkpointOptions(), c.runtimeOptions(), c.backend(), c.parallelism(),
                c.records(), c.outputDir(), c.restartStrategy(), c.incremental(), c.restore(), c.failover(),
                c.plannedFailures());
    }

    /** Why nothing changed, true to the job's state: a job that had ended was not "left running". */
    static String notRestored(JobClient job) {
        if (job == null) {
            return Texts.get("restore.notRestored.noJob");
        }
        return job.status().isTerminal()
                ? Texts.format("restore.notRestored.ended", job.status())
                : Texts.get("restore.notRestored.running");
    }

    private static long stateBytes(SavepointMetadata.OperatorEntry saved) {
        return saved.subtasks().stream().mapToLong(s -> s.keyedSize() + s.operatorSize()).sum();
    }

    /** Problems of the chosen parallelisms and options; empty when a restore can be tried. */
    public List<String> validate() {
        List<String> found = new ArrayList<>();
        if (savepoint.get() == null) {
            found.add(Texts.get("restore.loadFirst"));
        }
        for (OperatorRestoreRow row : operators) {
            int p = row.newParallelism().get();
            if (row.inPipeline() && (p < 1 || p > row.maxParallelism())) {
                found.add(Texts.format("restore.parallelismRange", row.id(), row.maxParallelism(), p));
            }
        }
        for (EdgeSpec e : forwardConflicts) {
            found.add(Texts.format("restore.forwardEdge", e.from(), e.to()));
        }
        if (incremental.get() && backend.get() != StateBackendKind.ROCKSDB) {
            found.add(Texts.get("restore.incrementalNeedsRocksDb"));
        }
        return found;
    }

    /**
     * Restores the pipeline from the loaded savepoint with the chosen settings. On success the running job is
     * replaced and {@link #takeover()} is filled; on failure {@link #problems()} lists why and the running job is
     * untouched.
     */
    public void restore() {
        List<String> found = validate();
        problems.setAll(found);
        takeover.clear();
        if (!found.isEmpty()) {
            return;
        }
        Savepoint sp = savepoint.get();
        Map<String, Integer> parallelism = new LinkedHashMap<>();
        for (OperatorRestoreRow row : operators) {
            if (row.inPipeline()) {
                parallelism.put(row.id(), row.newParallelism().get());
            }
        }
        StateBackendKind chosenBackend = backend.get();
        boolean chosenIncremental = incremental.get();
        outcome.set(Texts.get("restore.restoring"));
        outcomeFailed.set(false);
        session.restore(new SavepointRestore(sp.directory(), allowNonRestoredState.get()),
                config -> withRebalanced(config).withParallelism(parallelism).withBackend(chosenBackend)
                        .withIncremental(chosenIncremental),
                job -> {
                    List<KeyGroupTakeover> rows = new ArrayList<>();
                    for (OperatorSpec op : job.pipeline().operators()) {
                        SavepointMetadata.OperatorEntry saved = sp.operator(op.id());
                        if (saved != null) {
                            rows.addAll(KeyGroupTakeover.of(saved, op.parallelism()));
                        }
                    }
                    takeover.setAll(rows);
                    outcome.set(Texts.format("restore.restored", sp.directory().getFileName(),
                            parallelism.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                            chosenBackend.cliName()));
                },
                refused -> {
                    problems.setAll(refused);
                    outcomeFailed.set(true);
                    outcome.set(notRestored(session.job()));
                });
    }
}
