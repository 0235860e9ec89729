package org.checkpointlab.model.runtime;

import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;

/**
 * The part of an operator's context that is fixed when a chain opens its operators: where the operator writes, its
 * state backends and the sink store. Shared by the engine's operator chain and the operator test harness, which
 * differ only in where identity, time and pace come from. Task thread only.
 */
public abstract class ChainedOperatorContext implements OperatorContext {
    private final Output output;
    private final KeyedStateBackend keyedState;
    private final OperatorStateBackend operatorState;
    private final SinkStore sinkStore;

    /**
     * @param keyedState the operator's keyed state backend, or {@code null} for an operator without keyed input
     */
    protected ChainedOperatorContext(Output output, KeyedStateBackend keyedState, OperatorStateBackend operatorState,
                                     SinkStore sinkStore) {
        this.output = output;
        this.keyedState = keyedState;
        this.operatorState = operatorState;
        this.sinkStore = sinkStore;
    }

    @Override
    public final Output output() {
        return output;
    }

    @Override
    public final KeyedStateBackend keyedState() {
        return keyedState;
    }

    @Override
    public final OperatorStateBackend operatorState() {
        return operatorState;
    }

    @Override
    public final SinkStore sinkStore() {
        return sinkStore;
    }
}
