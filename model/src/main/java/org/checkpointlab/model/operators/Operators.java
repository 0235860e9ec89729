package org.checkpointlab.model.operators;

import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.runtime.ChainedOperator;
import org.checkpointlab.model.runtime.OperatorFactory;
import org.checkpointlab.model.runtime.StreamOperator;

/**
 * Creates the operator implementation of each {@link OperatorKind}. The switch has no default, so a kind added to
 * the registry does not compile until it has an implementation here. (The implementations are not a field of the
 * enum because the pipeline package must not depend on the engine's.)
 */
public final class Operators implements OperatorFactory {

    @Override
    public StreamOperator create(ChainedOperator operator) {
        OperatorKind kind = OperatorKind.byJsonName(operator.spec().kind()).orElseThrow(() ->
                new IllegalArgumentException("operator '" + operator.id() + "': unknown kind '"
                        + operator.spec().kind() + "'"));
        return create(kind);
    }

    /** A new instance of the operator of {@code kind}, one per subtask and attempt. */
    public static StreamOperator create(OperatorKind kind) {
        return switch (kind) {
            case SEQUENCE_SOURCE -> new SequenceSource();
            case SENTENCE_SOURCE -> new SentenceSource();
            case MAP -> new MapOperator();
            case FILTER -> new FilterOperator();
            case FLAT_MAP_WORDS -> new FlatMapWords();
            case KEYED_COUNT -> new KeyedCount();
            case KEYED_SUM -> new KeyedSum();
            case TUMBLING_WINDOW_COUNT -> new TumblingWindowCount();
            case DEDUP -> new Dedup();
            case UNION -> new Union();
            case SLOW -> new SlowOperator();
            case DISCARD_SINK -> new DiscardSink();
            case COLLECT_SINK -> new CollectSink();
            case TRANSACTIONAL_SINK -> new TransactionalSink();
        };
    }
}
