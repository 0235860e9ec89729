package org.checkpointlab.model.runtime;

import java.util.Map;

import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;

/** What the engine gives an operator: its identity, parameters, output, state and timers. Task thread only. */
public interface OperatorContext {

    String operatorId();

    int subtaskIndex();

    int parallelism();

    int maxParallelism();

    /** The operator's parameters with defaults filled in (longs as Long, doubles as Double). */
    Map<String, Object> params();

    Output output();

    /** Keyed state of this subtask's key-group range; {@code null} for operators without keyed input. */
    KeyedStateBackend keyedState();

    OperatorStateBackend operatorState();

    /** Wall-clock time in ms, as Flink's processing time. */
    long currentProcessingTime();

    /** Calls {@link StreamOperator#onProcessingTime} at (or soon after) {@code timeMillis}. */
    void registerProcessingTimeTimer(long timeMillis);

    /** The external system that sinks write to; it outlives task restarts. */
    SinkStore sinkStore();

    /** Whether periodic checkpoints are on (a 2PC sink then commits on checkpoints only). */
    boolean checkpointingEnabled();

    /** The engine's pace: 1.0 at full speed, lower in slow motion (sources and slow operators follow it). */
    double speed();
}
