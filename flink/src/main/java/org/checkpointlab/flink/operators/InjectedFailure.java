package org.checkpointlab.flink.operators;

/** The exception a planned failure throws inside a Flink task; its message names the operator and the trigger. */
public final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
        super(message);
    }
}
