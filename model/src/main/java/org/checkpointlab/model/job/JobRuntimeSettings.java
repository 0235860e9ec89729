package org.checkpointlab.model.job;

import org.checkpointlab.model.runtime.ExecutionThrottle;
import org.checkpointlab.model.runtime.OperatorFactory;
import org.checkpointlab.model.runtime.RuntimeContext;

/** The job-wide settings its tasks read; only the throttle changes while the job runs. */
final class JobRuntimeSettings implements RuntimeContext {
    private final OperatorFactory factory;
    private final long bufferTimeoutNanos;
    private final boolean checkpointing;
    private final ExecutionThrottle throttle = new ExecutionThrottle();
    private final boolean lowPrioritySubtasks;

    JobRuntimeSettings(OperatorFactory factory, RuntimeOptions options, boolean checkpointing) {
        this.factory = factory;
        this.bufferTimeoutNanos = options.bufferTimeout().toNanos();
        this.checkpointing = checkpointing;
        this.lowPrioritySubtasks = options.lowPrioritySubtasks();
    }

    @Override
    public boolean lowPrioritySubtasks() {
        return lowPrioritySubtasks;
    }

    @Override
    public OperatorFactory operatorFactory() {
        return factory;
    }

    @Override
    public long bufferTimeoutNanos() {
        return bufferTimeoutNanos;
    }

    @Override
    public boolean checkpointingEnabled() {
        return checkpointing;
    }

    @Override
    public ExecutionThrottle throttle() {
        return throttle;
    }
}
