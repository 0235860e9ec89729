package org.checkpointlab.views.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * What the live graph draws from the last snapshot: each subtask's state (with an ack flash for the ones that just
 * acknowledged a checkpoint), each edge's channels, which edges are chained, and which summarised channel panels
 * the user expanded. {@link LiveJobViewModel} feeds it once per frame. FX thread only.
 */
final class LiveFrame {
    private final AckFlashDetector acks = new AckFlashDetector();
    private final Map<SubtaskKey, Long> ackedAtNanos = new HashMap<>();
    private final Set<String> expandedEdges = new HashSet<>();
    private Map<SubtaskKey, SubtaskState> subtasks = Map.of();
    private Map<String, List<ChannelSnapshot>> channelsByEdge = Map.of();
    private Set<String> chainedEdges = Set.of();
    private long flashNanos = Duration.ofMillis(700).toNanos();

    /** How long a subtask box flashes after an ack; zero turns flashing off (tests). */
    void setAckFlashDuration(Duration duration) {
        flashNanos = duration.toNanos();
    }

    SubtaskState subtask(String operatorId, int subtaskIndex) {
        return subtasks.get(new SubtaskKey(operatorId, subtaskIndex));
    }

    List<ChannelSnapshot> channels(String fromOperator, String toOperator) {
        return channelsByEdge.getOrDefault(edgeKey(fromOperator, toOperator), List.of());
    }

    boolean chained(String fromOperator, String toOperator) {
        return chainedEdges.contains(edgeKey(fromOperator, toOperator));
    }

    List<ChannelRow> channelRows(String fromOperator, String toOperator) {
        return ChannelAggregation.rows(channels(fromOperator, toOperator), expanded(fromOperator, toOperator));
    }

    boolean expanded(String fromOperator, String toOperator) {
        return expandedEdges.contains(edgeKey(fromOperator, toOperator));
    }

    void toggleExpanded(String fromOperator, String toOperator) {
        String key = edgeKey(fromOperator, toOperator);
        if (!expandedEdges.remove(key)) {
            expandedEdges.add(key);
        }
    }

    /** Forgets what was drawn (another job, another pipeline). */
    void clear() {
        subtasks = Map.of();
        channelsByEdge = Map.of();
        chainedEdges = Set.of();
        expandedEdges.clear();
    }

    /** Forgets the acks seen (a new job). */
    void reset() {
        acks.reset();
        ackedAtNanos.clear();
    }

    /**
     * Takes the subtasks and channels of {@code s}, a snapshot of a job of {@code pipeline}.
     *
     * @return how many acks were new in it
     */
    int update(JobSnapshot s, PipelineSpec pipeline, long nowNanos) {
        int fresh = updateSubtasks(s, nowNanos);
        updateChannels(s, pipeline);
        return fresh;
    }

    private int updateSubtasks(JobSnapshot s, long nowNanos) {
        List<AckFlashDetector.Ack> fresh = acks.newAcks(s.checkpoints());
        for (AckFlashDetector.Ack ack : fresh) {
            ackedAtNanos.put(ack.subtask(), nowNanos);
        }
        Map<SubtaskKey, SubtaskState> states = new HashMap<>();
        for (SubtaskSnapshot subtask : s.subtasks()) {
            SubtaskKey head = new SubtaskKey(subtask.operatorIds().get(0), subtask.subtaskIndex());
            Long ackedAt = ackedAtNanos.get(head);
            boolean flashing = ackedAt != null && nowNanos - ackedAt < flashNanos;
            SubtaskState state = SubtaskState.of(subtask, flashing);
            for (String operatorId : subtask.operatorIds()) {
                states.put(new SubtaskKey(operatorId, subtask.subtaskIndex()), state);
            }
        }
        subtasks = states;
        return fresh.size();
    }

    private void updateChannels(JobSnapshot s, PipelineSpec pipeline) {
        Map<String, List<ChannelSnapshot>> byEdge = new HashMap<>();
        for (ChannelSnapshot channel : s.channels()) {
            byEdge.computeIfAbsent(edgeKey(channel.fromOperator(), channel.toOperator()), k -> new ArrayList<>())
                    .add(channel);
        }
        channelsByEdge = byEdge;
        if (chainedEdges.isEmpty() && pipeline != null) {
            Set<String> chained = new HashSet<>();
            for (EdgeSpec edge : pipeline.edges()) {
                for (SubtaskSnapshot subtask : s.subtasks()) {
                    if (subtask.operatorIds().contains(edge.from()) && subtask.operatorIds().contains(edge.to())) {
                        chained.add(edgeKey(edge.from(), edge.to()));
                    }
                }
            }
            chainedEdges = chained;
        }
    }

    static String edgeKey(String from, String to) {
        return from + "\u0000" + to;
    }
}
