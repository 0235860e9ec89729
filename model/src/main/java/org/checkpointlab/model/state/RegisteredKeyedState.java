package org.checkpointlab.model.state;

/**
 * A keyed state registered in an {@link AbstractKeyedStateBackend}: its name and kind, fixed at registration, and
 * the view handed out for it. Each backend extends it with where the state's entries live. Task thread only.
 */
public abstract class RegisteredKeyedState {
    /** The state's name, unique in its backend. */
    public final String name;
    /** Value, list or map state; never changes once registered. */
    public final StateKind kind;
    /** The ValueState, ListState or MapState handed out for this state; null until asked for. */
    Object view;

    protected RegisteredKeyedState(String name, StateKind kind) {
        this.name = name;
        this.kind = kind;
    }
}
