package org.checkpointlab.views.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.CheckpointingConfig;
import org.checkpointlab.model.util.Durations;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditRefused;
import org.checkpointlab.views.editor.model.SetCheckpointing;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.OptionTexts;

/**
 * The checkpoint settings form and the state backend / restart strategy choice, without controls. Text fields
 * are checked as the user types ({@link #problems()}, each naming the field).
 *
 * <p>Checkpoint options belong to the pipeline being edited: the form shows its {@code checkpointing} section
 * (the running job's options while a job runs), and {@link #apply()} records valid options in it as one undoable
 * edit ({@link SetCheckpointing}), so they are saved with the file and used by the next Run; while a job runs it
 * also hands them to the job, which uses them from its next checkpoint. Backend and restart strategy cannot change
 * on a running job, so {@link #redeploy()} does what Flink requires: stop with a savepoint and restore with the
 * new setting. FX thread only.
 */
public final class SettingsViewModel {
    private static final CheckpointOptions DEFAULTS = CheckpointOptions.defaults();

    /** Apply's outcome with no running job. */
    public static final String SAVED_FOR_RUN = Texts.get("settings.savedForRun");
    /** Apply's outcome with a running job that took the options. */
    public static final String SAVED_AND_APPLIED =
            Texts.get("settings.savedAndApplied");

    private final JobSession session;
    private final CommandStack edits;
    private CheckpointingConfig shownSection;
    private final ReadOnlyBooleanWrapper messageWarns = new ReadOnlyBooleanWrapper(this, "messageWarns");
    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final ObjectProperty<CheckpointingMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final BooleanProperty unaligned = new SimpleBooleanProperty(this, "unaligned");
    private final ObjectProperty<Retention> retention = new SimpleObjectProperty<>(this, "retention");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<StateBackendKind> backend = new SimpleObjectProperty<>(this, "backend",
            StateBackendKind.HASHMAP);
    private final BooleanProperty incremental = new SimpleBooleanProperty(this, "incremental");
    private final ObjectProperty<RestartChoice> restart = new SimpleObjectProperty<>(this, "restart",
            RestartChoice.DEFAULT);
    private final StringProperty restartAttempts = new SimpleStringProperty(this, "restartAttempts", "3");
    private final StringProperty restartDelay = new SimpleStringProperty(this, "restartDelay", "1s");
    private final ObservableList<String> redeployProblems = FXCollections.observableArrayList();

    /** The options typed into text fields (the others are a choice or a check box), by key. */
    public static final List<String> TEXT_KEYS = textOptions().stream().map(CheckpointOption::key).toList();

    /**
     * @param session the owner of the running job
     * @param edits   the pipeline being edited (the window's command stack), whose checkpoint options the form edits
     */
    public SettingsViewModel(JobSession session, CommandStack edits) {
        this.session = Objects.requireNonNull(session, "session");
        this.edits = Objects.requireNonNull(edits, "edits");
        for (String key : TEXT_KEYS) {
            texts.put(key, new SimpleStringProperty(this, key, ""));
        }
        load(DEFAULTS);
        List<Observable> inputs = new ArrayList<>(texts.values());
        inputs.addAll(List.of(mode, unaligned, retention));
        inputs.forEach(o -> o.addListener(x -> validate()));
        session.jobProperty().addListener((obs, o, job) -> revert());
        // One source of truth: options changed elsewhere (the toolbar's barrier mode) show here at once.
        session.checkpointOptionsProperty().addListener((obs, o, options) -> revert());
        // ... and so do the pipeline's (an undo, another file opened) while no job runs.
        edits.addListener(stack -> {
            if (!stack.current().spec().checkpointing().equals(shownSection) && !jobActive()) {
                revert();
            }
        });
        revert();
    }

    /** The text of a text-field option ({@link #TEXT_KEYS}). */
    public StringProperty text(String key) {
        StringProperty p = texts.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no text option '" + key + "' (text options: " + TEXT_KEYS + ")");
        }
        return p;
    }

    /** Flink's default of an option, as text, shown next to its field. */
    public static String defaultText(String key) {
        if (key.equals(CheckpointOption.DIRECTORY.key()) && DEFAULTS.directory() == null) {
            return Texts.get("option.memoryStorage"); // in the UI's language
        }
        return OptionTexts.of(DEFAULTS).get(key);
    }

    /** The options whose values are typed: not a boolean and not one of a few constants. */
    private static List<CheckpointOption<?>> textOptions() {
        return CheckpointOption.ALL.stream().filter(o -> o.type() != Boolean.class && !o.type().isEnum()).toList();
    }

    public ObjectProperty<CheckpointingMode> modeProperty() {
        return mode;
    }

    public BooleanProperty unalignedProperty() {
        return unaligned;
    }

    public ObjectProperty<Retention> retentionProperty() {
        return retention;
    }

    /** What is wrong with the form now, each naming the field; empty when it can be applied. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The outcome of the last apply. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports something not done (shown as a warning, not as success). */
    public ReadOnlyBooleanProperty messageWarnsProperty() {
        return messageWarns.getReadOnlyProperty();
    }

    public ObjectProperty<StateBackendKind> backendProperty() {
        return backend;
    }

    public BooleanProperty incrementalProperty() {
        return incremental;
    }

    public ObjectProperty<RestartChoice> restartProperty() {
        return restart;
    }

    public StringProperty restartAttemptsProperty() {
        return restartAttempts;
    }

    public StringProperty restartDelayProperty() {
        return restartDelay;
    }

    /** Why the last backend / restart strategy change was refused. */
    public ObservableList<String> redeployProblems() {
        return redeployProblems;
    }

    /** Fills the form with the running job's settings, or without a running job the pipeline's. */
    public void revert() {
        JobClient job = session.job();
        CheckpointOptions inForce = session.checkpointOptionsProperty().get();
        shownSection = edits.current().spec().checkpointing();
        load(jobActive() && inForce != null ? inForce : pipelineOptions());
        if (job != null) {
            backend.set(job.config().backend());
            incremental.set(job.config().incremental());
            restart.set(RestartChoice.of(job.config().restartStrategy()));
        }
        say("", false);
    }

    /** Fills the form with Flink's defaults (not applied until {@link #apply()}). */
    public void resetToDefaults() {
        load(DEFAULTS);
        say(Texts.get("settings.defaultsFilled"), false);
    }

    private boolean jobActive() {
        JobClient job = session.job();
        return job != null && !job.status().isTerminal();
    }

    /** The pipeline's options; Flink's defaults when its section is invalid (the editor lists that problem). */
    private CheckpointOptions pipelineOptions() {
        try {
            return edits.current().spec().checkpointing().options();
        } catch (IllegalArgumentException e) {
            return DEFAULTS;
        }
    }

    private void say(String text, boolean warns) {
        message.set(text);
        messageWarns.set(warns);
    }

    private void load(CheckpointOptions o) {
        for (CheckpointOption<?> option : textOptions()) {
            boolean none = option == CheckpointOption.DIRECTORY && o.directory() == null;
            texts.get(option.key()).set(none ? "" : option.text(o));
        }
        mode.set(o.mode());
        unaligned.set(o.unaligned());
        retention.set(o.retention());
        validate();
    }

    /** The options the form describes, or empty when {@link #problems()} is not. */
    public Optional<CheckpointOptions> options() {
        List<String> found = new ArrayList<>();
        CheckpointOptions o = DEFAULTS;
        for (CheckpointOption<?> option : textOptions()) {
            try {
                o = withText(o, option, texts.get(option.key()).get());
            } catch (org.checkpointlab.model.pipeline.OptionValueException e) {
                found.add(Texts.format("settings.problem", OptionTexts.label(option.key()),
                        org.checkpointlab.views.session.Problems.of(e)));
            } catch (IllegalArgumentException e) {
                found.add(Texts.format("settings.problem", OptionTexts.label(option.key()),
                        e.getMessage().replaceFirst("^'" + option.key() + "'(: )?", "")));
            }
        }
        o = o.withMode(mode.get()).withUnaligned(unaligned.get()).withRetention(retention.get());
        found.addAll(org.checkpointlab.views.session.Problems.ofOptions(o)); // fields that failed to parse kept their valid defaults here
        problems.setAll(found);
        return found.isEmpty() ? Optional.of(o) : Optional.empty();
    }

    private static <T> CheckpointOptions withText(CheckpointOptions o, CheckpointOption<T> option, String text) {
        return option.with(o, option.parseText(text));
    }

    private void validate() {
        options();
    }

    /**
     * Saves the form in the pipeline as one undoable edit (nothing is recorded when the pipeline already has these
     * options) and, while a job runs, applies it to the job from its next checkpoint.
     *
     * @return whether the pipeline has the options now (if not, {@link #problems()} or {@link #messageProperty()}
     *         say why); {@link #messageProperty()} says whether the running job took them
     */
    public boolean apply() {
        Optional<CheckpointOptions> wanted = options();
        if (wanted.isEmpty()) {
            say(Texts.get("settings.notSaved.problems"), true);
            return false;
        }
        try {
            edits.execute(SetCheckpointing.of(pipelineOptions(), wanted.get()));
        } catch (EditRefused e) {
            say(Texts.format("settings.notSaved", e.getMessage()), true);
            return false;
        }
        if (!jobActive()) {
            say(SAVED_FOR_RUN, false);
            return true;
        }
        JobClient job = session.job();
        if (wanted.get().equals(session.checkpointOptionsProperty().get())) {
            say(Texts.get("settings.alreadyUsed"), false);
            return true;
        }
        List<String> refused = session.updateCheckpointOptions(wanted.get());
        if (!refused.isEmpty()) {
            say(Texts.format("settings.jobKeeps", String.join("; ", refused)), true);
            return true;
        }
        boolean storageMoved = !Objects.equals(job.config().checkpointOptions().directory(),
                wanted.get().directory());
        say(storageMoved ? Texts.format("settings.storageMoved", SAVED_AND_APPLIED) : SAVED_AND_APPLIED, false);
        return true;
    }

    /** The restart strategy the backend section describes, or a problem naming the bad field. */
    private RestartStrategy restartStrategy(List<String> found) {
        RestartChoice choice = restart.get();
        int attempts = 0;
        if (choice.usesAttempts()) {
            try {
                attempts = Integer.parseInt(restartAttempts.get().trim());
                if (attempts < 1) {
                    found.add(Texts.format("settings.attempts.atLeastOne", attempts));
                }
            } catch (NumberFormatException e) {
                found.add(Texts.format("settings.attempts.wholeNumber", restartAttempts.get()));
            }
        }
        Duration delay = Duration.ofSeconds(1);
        try {
            delay = Durations.parse(restartDelay.get());
        } catch (IllegalArgumentException e) {
            found.add(Texts.format("settings.restartDelay.problem", e.getMessage()));
        }
        return found.isEmpty() ? choice.strategy(attempts, delay) : null;
    }

    /**
     * Changes state backend and restart strategy: stop with a savepoint, then restore with the new settings. The
     * steps appear in the session's activity log as they happen.
     *
     * @return whether it was started (if not, {@link #redeployProblems()} says why)
     */
    public boolean redeploy() {
        List<String> found = new ArrayList<>();
        if (incremental.get() && backend.get() != StateBackendKind.ROCKSDB) {
            found.add(Texts.get("settings.incremental.needsRocksDb"));
        }
        RestartStrategy strategy = restartStrategy(found);
        redeployProblems.setAll(found);
        if (!found.isEmpty()) {
            return false;
        }
        session.redeploy(backend.get(), incremental.get(), strategy, job -> redeployProblems.clear(),
                redeployProblems::setAll);
        return true;
    }
}
