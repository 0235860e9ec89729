package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.ChainedOperator;
import org.checkpointlab.model.runtime.OperatorFactory;
import org.checkpointlab.model.runtime.StreamOperator;

/** Creates the operator implementation of each pipeline kind. */
public final class Operators implements OperatorFactory {

    @Override
    public StreamOperator create(ChainedOperator operator) {
        String kind = operator.spec().kind();
        return switch (kind) {
            case "sequence-source" -> new SequenceSource();
            case "sentence-source" -> new SentenceSource();
            case "map" -> new MapOperator();
            case "filter" -> new FilterOperator();
            case "flat-map-words" -> new FlatMapWords();
            case "keyed-count" -> new KeyedCount();
            case "keyed-sum" -> new KeyedSum();
            case "tumbling-window-count" -> new TumblingWindowCount();
            case "dedup" -> new Dedup();
            case "union" -> new Union();
            case "slow" -> new SlowOperator();
            case "discard-sink" -> new DiscardSink();
            case "collect-sink" -> new CollectSink();
            case "transactional-sink" -> new TransactionalSink();
            default -> throw new IllegalArgumentException("operator '" + operator.id() + "': unknown kind '"
                    + kind + "'");
        };
    }
}
