package org.checkpointlab.views.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.client.JobClient;

/**
 * The commands on a running job that its engine may lack: a step to the next barrier event, a checkpoint now, a
 * failure injected into a subtask. Each is refused (false, a failed future) without a running job or the engine's
 * capability. The {@link JobSession}'s entry points run them. FX thread only.
 */
final class RunningJobCommands {
    private final Supplier<JobClient> job;
    private final BooleanSupplier running;
    private final BooleanSupplier paused;

    RunningJobCommands(Supplier<JobClient> job, BooleanSupplier running, BooleanSupplier paused) {
        this.job = job;
        this.running = running;
        this.paused = paused;
    }

    boolean step() {
        return running.getAsBoolean() && job.get().supports(JobClient.Capability.PAUSE_AND_STEP)
                && paused.getAsBoolean() && job.get().stepToNextBarrierEvent();
    }

    CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return running.getAsBoolean() ? job.get().triggerCheckpoint()
                : CompletableFuture.failedFuture(new IllegalStateException("no running job"));
    }

    boolean injectFailure(String operatorId, int subtask) {
        return running.getAsBoolean() && job.get().supports(JobClient.Capability.FAILURE_INJECTION)
                && job.get().injectFailure(operatorId, subtask);
    }
}
