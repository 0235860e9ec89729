package org.checkpointlab.model.runtime;

/** Creates the operator instance of one subtask for a deployed operator (one instance per subtask and attempt). */
@FunctionalInterface
public interface OperatorFactory {
    StreamOperator create(ChainedOperator operator);
}
