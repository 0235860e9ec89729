package org.checkpointlab.model.client;

/**
 * A cluster's task slots as it reports them (Flink's {@code /overview}: {@code slots-total},
 * {@code slots-available}). By default every operator of a Flink job shares slots, so a job takes as many slots as
 * its highest parallelism: raising an operator above that needs the difference free.
 *
 * @param total     slots of all task managers, or -1 when unknown
 * @param available slots no job holds, or -1 when unknown
 */
public record TaskSlots(int total, int available) {
    /** The engine does not tell (the local engine runs a thread per subtask and has no slots). */
    public static final TaskSlots UNKNOWN = new TaskSlots(-1, -1);

    public boolean known() {
        return total >= 0 && available >= 0;
    }

    /**
     * The highest parallelism an operator of a job may be given when the job's highest parallelism is now
     * {@code jobParallelism} and the operator's max parallelism is {@code maxParallelism}: the free slots added to
     * the job's, bounded by the max parallelism (which alone bounds it when the slots are unknown).
     */
    public int highestParallelism(int jobParallelism, int maxParallelism) {
        return known() ? Math.max(1, Math.min(maxParallelism, jobParallelism + available)) : maxParallelism;
    }
}
