package org.checkpointlab.model.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineException;

/**
 * The engines on offer and the one the user chose: a {@link JobLauncher} that starts every job (Run, a restore, a
 * rescale) on the chosen engine, kept for the whole session. A job the chosen engine refuses is not started: the
 * refusals, each naming the feature, come back as a {@link PipelineException}.
 *
 * <p>Thread-safe: the choice is read once per start.
 */
public final class EngineSelection implements JobLauncher {
    private final List<JobEngine> engines;
    private volatile JobEngine selected;

    /** @param engines the engines on offer, the first chosen at start; ids unique */
    public EngineSelection(List<JobEngine> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine to choose from");
        }
        if (engines.stream().map(JobEngine::id).distinct().count() != engines.size()) {
            throw new IllegalArgumentException("engine ids are not unique: " + engines.stream().map(JobEngine::id).toList());
        }
        this.engines = List.copyOf(engines);
        this.selected = this.engines.get(0);
    }

    /** Only the local engine. */
    public static EngineSelection localOnly() {
        return new EngineSelection(List.of(JobEngine.local()));
    }

    public List<JobEngine> engines() {
        return engines;
    }

    public JobEngine selected() {
        return selected;
    }

    /**
     * Chooses the engine with {@code id} for the next starts and lets it {@linkplain JobEngine#prepare prepare}.
     *
     * @throws IllegalArgumentException when no engine has that id
     */
    public void select(String id) {
        JobEngine engine = engines.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no engine '" + id + "'; engines: "
                        + engines.stream().map(JobEngine::id).toList()));
        selected = Objects.requireNonNull(engine);
        engine.prepare();
    }

    /** What the chosen engine cannot run of {@code config}, each naming the feature; empty when it can. */
    public List<String> refusals(JobConfig config) {
        return selected.refusals(config);
    }

    /**
     * Starts {@code config} on the chosen engine, after asking it what it refuses.
     *
     * @throws PipelineException the engine's refusals ("Apache Flink (embedded) cannot run this pipeline: ..."), or
     *                           the engine's own start problems; nothing runs then
     */
    @Override
    public JobClient start(JobConfig config) throws PipelineException {
        JobEngine engine = selected;
        List<String> refused = engine.refusals(config);
        if (!refused.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (String r : refused) {
                problems.add(engine.displayName() + " cannot run this pipeline: " + r);
            }
            throw new PipelineException(problems);
        }
        return engine.start(config);
    }

    /** Shuts every engine down (the app's end). */
    public void shutdown() {
        for (JobEngine engine : engines) {
            engine.shutdown();
        }
    }
}
