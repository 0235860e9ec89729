package org.checkpointlab.views.live;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** How the pipeline shown relates to the job that runs it. Pure. */
final class RunningPipeline {
    private RunningPipeline() {
    }

    /**
     * Whether {@code spec} is the pipeline the job runs, except for what the job resolved on its own (max
     * parallelism left unset in the file, which a job fixes, or takes from the savepoint it restored) and its
     * checkpointing section (Settings changes it while the job runs and hands the options to the job live).
     */
    static boolean describes(PipelineSpec spec, PipelineSpec running) {
        if (spec.operators().size() != running.operators().size() || !spec.edges().equals(running.edges())
                || spec.chaining() != running.chaining()) {
            return false;
        }
        for (int i = 0; i < spec.operators().size(); i++) {
            OperatorSpec a = spec.operators().get(i);
            OperatorSpec b = running.operators().get(i);
            if (!a.id().equals(b.id()) || !a.kind().equals(b.kind()) || a.parallelism() != b.parallelism()
                    || !a.params().equals(b.params())
                    || (a.maxParallelism() != null && !a.maxParallelism().equals(b.maxParallelism()))) {
                return false;
            }
        }
        return true;
    }

    /** The checkpoint options of {@code spec}'s file: its checkpointing section over Flink's defaults. */
    static CheckpointOptions fileOptions(PipelineSpec spec) {
        return spec.checkpointing().options();
    }
}
