package org.checkpointlab.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.RescaleParallelism;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditRefused;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.RescalePlan;

/**
 * The running job's parallelism in the main window: rescale via savepoint, and the edits following the job. The job
 * belongs to the {@link JobSession}; whenever it is replaced by one at another parallelism (a rescale, a restore from
 * the Job menu, a redeploy), the edits record the running job's parallelism as one undoable step, so the graph,
 * inspector and panels show the job as it runs. FX thread only.
 */
final class JobParallelism {
    private final LiveJobViewModel live;
    private final JobSession session;
    private final CommandStack edits;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper rescaling = new ReadOnlyBooleanWrapper(this, "rescaling");

    /** @param status where the outcome is said (the status line) */
    JobParallelism(LiveJobViewModel live, CommandStack edits, Consumer<String> status) {
        this.live = live;
        this.session = live.session();
        this.edits = edits;
        this.status = status;
        session.jobProperty().addListener((obs, old, job) -> followParallelism(job));
    }

    /** True from the start of a rescale via savepoint until the job runs again (or the rescale failed). */
    ReadOnlyBooleanProperty rescalingProperty() {
        return rescaling.getReadOnlyProperty();
    }

    /** As {@link MainViewModel#rescaleViaSavepoint(Map)}. */
    RescalePlan rescaleViaSavepoint(Map<String, Integer> parallelism) {
        JobClient job = session.job();
        if (job == null || job.status().isTerminal() || !live.activeProperty().get()) {
            RescalePlan none = new RescalePlan(edits.current().spec(), Map.of(), Map.of(),
                    List.of(Texts.get("status.noJobToRescale")));
            status.accept(Texts.format("status.cannotRescale", none.problems().get(0)));
            return none;
        }
        RescalePlan plan = RescalePlan.of(job.pipeline(), parallelism);
        if (!plan.feasible()) {
            status.accept(Texts.format("status.cannotRescale", String.join("; ", plan.problems())));
            return plan;
        }
        rescaling.set(true);
        status.accept(Texts.format("status.rescaling", plan.describe()));
        session.rescale(plan, started -> {
            rescaling.set(false);
            // The edits took the new parallelism when the job was replaced (followParallelism).
            if (!started.pipeline().operators().stream().allMatch(o -> edits.current().spec().operator(o.id())
                    .map(e -> e.parallelism() == o.parallelism()).orElse(false))) {
                return; // the status says why the editor could not record it
            }
            status.accept(Texts.format("status.rescaled", plan.describe()));
        }, problems -> {
            rescaling.set(false);
            status.accept(Texts.format("status.rescaleFailed", String.join("; ", problems)));
        });
        return plan;
    }

    /**
     * A new job runs (a rescale, a restore from the Job menu, a redeploy): where its parallelism, or the partitioning
     * of an edge (a forward edge the restore changed to rebalance), differs from the pipeline being edited, the
     * editor takes the job's as one undoable step, and the graph draws it.
     */
    private void followParallelism(JobClient job) {
        if (job == null) {
            return;
        }
        PipelineSpec edited = edits.current().spec();
        Map<String, Integer> changes = new LinkedHashMap<>();
        for (var op : job.pipeline().operators()) {
            edited.operator(op.id()).filter(e -> e.parallelism() != op.parallelism())
                    .ifPresent(e -> changes.put(op.id(), op.parallelism()));
        }
        List<EdgeSpec> repartitioned = job.pipeline().edges().stream().filter(e -> edited.edges().stream()
                .anyMatch(d -> d.from().equals(e.from()) && d.to().equals(e.to())
                        && d.partitioning() != e.partitioning())).toList();
        if (changes.isEmpty() && repartitioned.isEmpty()) {
            return;
        }
        try {
            RescaleParallelism followed = new RescaleParallelism(changes, repartitioned);
            edits.execute(followed);
            status.accept(Texts.format("status.followedJob", followed.description()));
        } catch (EditRefused e) {
            status.accept(Texts.format("status.notRecorded", changes, e.getMessage()));
        }
    }
}
