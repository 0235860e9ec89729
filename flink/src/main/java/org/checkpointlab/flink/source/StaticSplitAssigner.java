package org.checkpointlab.flink.source;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Deals the splits of a replayable source as the local engine does: reader {@code s} of {@code p} gets every split
 * {@code k} with {@code k % p == s}, all at once when it registers, then "no more splits". Its state is the splits
 * not yet assigned (all of them before the readers register; those given back after a failure until their reader
 * registers again). Splits already assigned live in the readers' state, which Flink redistributes on rescale.
 */
final class StaticSplitAssigner implements SplitEnumerator<IndexSplit, List<IndexSplit>> {
    private final SplitEnumeratorContext<IndexSplit> context;
    private final TreeMap<Integer, IndexSplit> unassigned = new TreeMap<>();

    StaticSplitAssigner(SplitEnumeratorContext<IndexSplit> context, List<IndexSplit> unassigned) {
        this.context = context;
        unassigned.forEach(s -> this.unassigned.put(s.split(), s));
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
    }

    @Override
    public void addSplitsBack(List<IndexSplit> splits, int subtaskId) {
        splits.forEach(s -> unassigned.put(s.split(), s));
    }

    @Override
    public void addReader(int subtaskId) {
        int parallelism = context.currentParallelism();
        List<IndexSplit> mine = new ArrayList<>();
        for (IndexSplit s : unassigned.values()) {
            if (s.split() % parallelism == subtaskId) {
                mine.add(s);
            }
        }
        mine.forEach(s -> unassigned.remove(s.split()));
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(java.util.Map.of(subtaskId, mine)));
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public List<IndexSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(unassigned.values());
    }

    @Override
    public void close() {
    }
}
