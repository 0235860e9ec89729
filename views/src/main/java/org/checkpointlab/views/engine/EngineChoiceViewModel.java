package org.checkpointlab.views.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.EngineSelection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;

/**
 * The engine Run starts the pipeline on (the local engine, or Apache Flink embedded in this process), chosen by the
 * user and kept for the session in the {@link EngineSelection} every start goes through. While a job runs the
 * choice is fixed. It says, before Run, what the chosen engine refuses of the open pipeline, naming the feature;
 * while the chosen engine prepares (the embedded cluster starting), that it does; and for the job shown, what its
 * engine cannot show or do, from the capabilities its {@link JobClient} declares.
 *
 * <p>FX thread only; refusals are worked out on the session's {@link TaskRunner}.
 */
public final class EngineChoiceViewModel {
    private final EngineSelection selection;
    private final JobSession session;
    private final TaskRunner runner;
    private final EngineTexts texts;
    private final ObjectProperty<JobEngine> engine = new SimpleObjectProperty<>(this, "engine");
    private final ReadOnlyObjectProperty<PipelineSpec> pipeline;
    private final ReadOnlyBooleanWrapper choosable = new ReadOnlyBooleanWrapper(this, "choosable", true);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper noticeDetail = new ReadOnlyStringWrapper(this, "noticeDetail", "");
    /** Counts refusal checks, so that only the latest one's answer is shown. */
    private long checks;

    /**
     * @param pipeline  the open pipeline as edited (what Run would start)
     * @param jobActive true while the shown job runs (the choice is fixed then)
     */
    public EngineChoiceViewModel(EngineSelection selection, JobSession session,
                                 ReadOnlyObjectProperty<PipelineSpec> pipeline, ReadOnlyBooleanProperty jobActive) {
        this(selection, session, pipeline, jobActive, session.runner(), EngineTexts.forDefaultLocale());
    }

    EngineChoiceViewModel(EngineSelection selection, JobSession session, ReadOnlyObjectProperty<PipelineSpec> pipeline,
                          ReadOnlyBooleanProperty jobActive, TaskRunner runner, EngineTexts texts) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.session = Objects.requireNonNull(session, "session");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.texts = Objects.requireNonNull(texts, "texts");
        engine.set(selection.selected());
        engine.addListener((obs, old, now) -> {
            if (now == null) {
                engine.set(old);
                return;
            }
            if (now != selection.selected()) {
                selection.select(now.id());
            }
            checkRefusals();
            followPreparation();
        });
        pipeline.addListener((obs, old, now) -> checkRefusals());
        choosable.bind(jobActive.not());
        session.jobProperty().addListener((obs, old, job) -> jobChanged(job));
        jobChanged(session.job());
        checkRefusals();
        followPreparation();
    }

    /** The engines on offer, in the order the composition root gave them. */
    public List<JobEngine> engines() {
        return selection.engines();
    }

    /** The chosen engine; set it to choose another (ignored while a job runs: the menus are disabled then). */
    public ObjectProperty<JobEngine> engineProperty() {
        return engine;
    }

    /** Chooses the engine with {@code id}. */
    public void choose(String id) {
        selection.engines().stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(engine::set);
    }

    /** The engine's name as the user reads it. */
    public String nameOf(JobEngine e) {
        return e == null ? "" : texts.engineName(e.id(), e.displayName());
    }

    /** False while a job runs: the next Run's engine is chosen between jobs. */
    public ReadOnlyBooleanProperty choosableProperty() {
        return choosable.getReadOnlyProperty();
    }

    /** What the chosen engine refuses of the open pipeline, naming each feature; empty when it can run it. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** The chosen engine's preparation ("Starting the embedded Flink cluster…"), or empty. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** In short, what the shown job's engine cannot show or do, or empty when it can do everything. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The same with the reasons, for a tooltip. */
    public ReadOnlyStringProperty noticeDetailProperty() {
        return noticeDetail.getReadOnlyProperty();
    }

    /** A job started (Run, a restore, a rescale): on the engine chosen now, since the choice is fixed meanwhile. */
    private void jobChanged(JobClient job) {
        String engineName = nameOf(selection.selected());
        notice.set(job == null ? "" : cannotShow(job, engineName, false));
        noticeDetail.set(job == null ? "" : cannotShow(job, engineName, true));
    }

    /**
     * From the capabilities the job lacks: "On Embedded Flink: no channel buffers, pause/step, …", or with
     * {@code detail} each with its reason.
     */
    String cannotShow(JobClient job, String engineName, boolean detail) {
        Set<JobClient.Capability> missing = EnumSet.allOf(JobClient.Capability.class);
        missing.removeAll(job.capabilities());
        missing.remove(JobClient.Capability.RESCALE_IN_PLACE); // every engine rescales, through a savepoint at least
        if (missing.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JobClient.Capability c : missing) {
            parts.add(texts.get((detail ? "capability." : "capability.short.") + c.name()));
        }
        return detail ? texts.get("engine.cannotShowDetail", engineName, String.join("; ", parts))
                : texts.get("engine.cannotShow", engineName, String.join(", ", parts));
    }

    /** Asks the chosen engine, off the FX thread, what it refuses of the open pipeline. */
    private void checkRefusals() {
        long check = ++checks;
        PipelineSpec spec = pipeline.get();
        JobEngine chosen = engine.get();
        if (spec == null || chosen == null) {
            refusal.set("");
            return;
        }
        JobConfig config;
        try {
            CheckpointOptions options = spec.checkpointing().options();
            config = JobConfig.of(spec).withCheckpointOptions(options);
        } catch (IllegalArgumentException e) {
            refusal.set(""); // the pipeline's own problem: Run names it
            return;
        }
        runner.run(() -> chosen.refusals(config), problems -> {
            if (check == checks) {
                refusal.set(problems.isEmpty() ? ""
                        : texts.get("engine.refused", nameOf(chosen), String.join("; ", problems)));
            }
        }, failed -> {
            if (check == checks) {
                refusal.set("");
            }
        });
    }

    /** Shows that the chosen engine prepares until it is ready, or why it cannot be. */
    private void followPreparation() {
        JobEngine chosen = engine.get();
        CompletableFuture<Void> ready = chosen.prepare();
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            state.set("");
            return;
        }
        state.set(texts.get("engine.preparing", nameOf(chosen)));
        ready.whenComplete((done, failure) -> Platform.runLater(() -> {
            if (engine.get() == chosen) {
                state.set(failure == null ? "" : texts.get("engine.failedToStart", nameOf(chosen),
                        rootMessage(failure)));
            }
        }));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
