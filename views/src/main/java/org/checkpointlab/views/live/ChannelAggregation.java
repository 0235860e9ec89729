package org.checkpointlab.views.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.checkpointlab.model.observe.ChannelElementView;
import org.checkpointlab.model.observe.ChannelSnapshot;

/**
 * Turns the channels of one edge into the rows its panel draws. Up to {@link #MAX_SINGLE_ROWS} channels are drawn
 * one per row (sorted by receiver, then sender); beyond that (a hash edge between parallelism 4 and 4 has 16) each
 * receiving subtask gets one {@link ChannelRow.Summary} row, unless the user expanded the panel. Pure.
 */
public final class ChannelAggregation {
    /** The most channels an edge panel draws one by one without being expanded. */
    public static final int MAX_SINGLE_ROWS = 8;

    private ChannelAggregation() {
    }

    /** Whether an edge with this many channels is summarised when not expanded. */
    public static boolean aggregates(int channelCount) {
        return channelCount > MAX_SINGLE_ROWS;
    }

    /** The rows for the channels of one edge. */
    public static List<ChannelRow> rows(List<ChannelSnapshot> channels, boolean expanded) {
        List<ChannelSnapshot> sorted = new ArrayList<>(channels);
        sorted.sort(Comparator.comparingInt(ChannelSnapshot::toSubtask).thenComparingInt(ChannelSnapshot::fromSubtask));
        if (expanded || !aggregates(sorted.size())) {
            return sorted.stream().<ChannelRow>map(ChannelRow.Single::new).toList();
        }
        TreeMap<Integer, List<ChannelSnapshot>> byReceiver = new TreeMap<>();
        for (ChannelSnapshot channel : sorted) {
            byReceiver.computeIfAbsent(channel.toSubtask(), k -> new ArrayList<>()).add(channel);
        }
        List<ChannelRow> rows = new ArrayList<>();
        byReceiver.forEach((receiver, into) -> rows.add(summarise(receiver, into)));
        return rows;
    }

    /** Adds up the channels into one receiving subtask. */
    static ChannelRow.Summary summarise(int receiver, List<ChannelSnapshot> into) {
        int queued = 0;
        int capacity = 0;
        int persisted = 0;
        int blocked = 0;
        int unaligned = 0;
        List<Long> barriers = new ArrayList<>();
        for (ChannelSnapshot channel : into) {
            queued += channel.queuedBuffers();
            capacity += channel.capacity();
            blocked += channel.blocked() ? 1 : 0;
            for (ChannelElementView element : channel.elements()) {
                if (element instanceof ChannelElementView.BufferView buffer && buffer.persisted()) {
                    persisted++;
                } else if (element instanceof ChannelElementView.BarrierView barrier) {
                    barriers.add(barrier.checkpointId());
                    unaligned += barrier.unaligned() ? 1 : 0;
                }
            }
        }
        barriers.sort(Comparator.naturalOrder());
        return new ChannelRow.Summary(receiver, into.size(), queued, capacity, persisted, barriers, unaligned,
                blocked);
    }
}
