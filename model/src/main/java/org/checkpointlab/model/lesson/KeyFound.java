package org.checkpointlab.model.lesson;

import java.util.Objects;

/**
 * A key the learner found with the State view's key search: the fact a {@code key-found} step waits for.
 *
 * @param operatorId       the keyed operator searched
 * @param key              the key as typed
 * @param keyGroup         its key group
 * @param parallelism      the parallelism the location is given at: the one asked about in the search when given,
 *                         else the state's own
 * @param subtask          the subtask holding the key at {@code parallelism}
 * @param savedParallelism the operator's parallelism in the state searched (savepoint or checkpoint)
 * @param runningJob       whether the state searched is the running job's latest checkpoint (not a directory)
 */
public record KeyFound(String operatorId, String key, int keyGroup, int parallelism, int subtask,
                       int savedParallelism, boolean runningJob) {
    public KeyFound {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(key, "key");
    }
}
