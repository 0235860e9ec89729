package org.checkpointlab.model.savepoint;

/** A key lookup in a savepoint's state that cannot be answered; the message says what was asked and why not. */
public final class StateLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateLookupException(String message) {
        super(message);
    }
}
