package org.checkpointlab.views.savepoints;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * One operator in the restore dialog: what the savepoint holds for it and the parallelism it will run with.
 *
 * @param id                the operator id (uid)
 * @param kind              its kind (from the pipeline, else from the savepoint)
 * @param savedParallelism  parallelism in the savepoint, or 0 when the savepoint has no state for it
 * @param maxParallelism    the bound for the new parallelism (the saved max parallelism)
 * @param stateBytes        keyed + operator state in the savepoint
 * @param inPipeline        false when the pipeline no longer has this operator (needs allow-non-restored-state)
 * @param newParallelism    what the user picked, editable
 */
public record OperatorRestoreRow(String id, String kind, int savedParallelism, int maxParallelism, long stateBytes,
                                 boolean inPipeline, IntegerProperty newParallelism) {

    static OperatorRestoreRow of(String id, String kind, int savedParallelism, int maxParallelism, long stateBytes,
                                 boolean inPipeline, int parallelism) {
        return new OperatorRestoreRow(id, kind, savedParallelism, maxParallelism, stateBytes, inPipeline,
                new SimpleIntegerProperty(parallelism));
    }
}
