package org.checkpointlab.model.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.CheckpointBarrier;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.Task;

/**
 * The job's tasks, deployed per pipelined region: in a streaming job whose edges are all pipelined, a region is a
 * connected component of the pipeline (Flink's region failover restarts only the failed task's region). Each region
 * has its own {@link ExecutionGraph}, which a region restart replaces. Reads are safe from any thread.
 */
final class Deployment {
    private final List<PipelineSpec> regions;
    private final AtomicReferenceArray<ExecutionGraph> graphs;

    Deployment(List<PipelineSpec> regions) {
        this.regions = List.copyOf(regions);
        this.graphs = new AtomicReferenceArray<>(regions.size());
    }

    /** Splits {@code pipeline} into its connected components, each as a pipeline of its own, in operator order. */
    static List<PipelineSpec> pipelinedRegions(PipelineSpec pipeline) {
        Map<String, String> parent = new HashMap<>();
        for (OperatorSpec op : pipeline.operators()) {
            parent.put(op.id(), op.id());
        }
        for (EdgeSpec e : pipeline.edges()) {
            parent.put(root(parent, e.from()), root(parent, e.to()));
        }
        Map<String, List<OperatorSpec>> byRoot = new LinkedHashMap<>();
        for (OperatorSpec op : pipeline.operators()) {
            byRoot.computeIfAbsent(root(parent, op.id()), r -> new ArrayList<>()).add(op);
        }
        List<PipelineSpec> result = new ArrayList<>();
        for (List<OperatorSpec> ops : byRoot.values()) {
            List<String> ids = ops.stream().map(OperatorSpec::id).toList();
            List<EdgeSpec> edges = pipeline.edges().stream().filter(e -> ids.contains(e.from())).toList();
            result.add(new PipelineSpec(pipeline.format(), pipeline.name(), ops, edges, pipeline.checkpointing(),
                    pipeline.chaining()));
        }
        return result;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    int regionCount() {
        return regions.size();
    }

    PipelineSpec regionPipeline(int region) {
        return regions.get(region);
    }

    ExecutionGraph graph(int region) {
        return graphs.get(region);
    }

    void replace(int region, ExecutionGraph graph) {
        graphs.set(region, graph);
    }

    /** The region whose current graph runs {@code task}, or -1 (a task of an earlier attempt). */
    int regionOf(Task task) {
        for (int i = 0; i < graphs.length(); i++) {
            ExecutionGraph g = graphs.get(i);
            if (g != null && g.tasks().contains(task)) {
                return i;
            }
        }
        return -1;
    }

    private List<ExecutionGraph> current() {
        List<ExecutionGraph> list = new ArrayList<>(graphs.length());
        for (int i = 0; i < graphs.length(); i++) {
            if (graphs.get(i) != null) {
                list.add(graphs.get(i));
            }
        }
        return list;
    }

    List<Task> tasks() {
        List<Task> all = new ArrayList<>();
        for (ExecutionGraph g : current()) {
            all.addAll(g.tasks());
        }
        return all;
    }

    List<Task> sourceTasks() {
        List<Task> all = new ArrayList<>();
        for (ExecutionGraph g : current()) {
            all.addAll(g.sourceTasks());
        }
        return all;
    }

    void start() {
        current().forEach(ExecutionGraph::start);
    }

    void cancelAndJoin(long millis) throws InterruptedException {
        for (ExecutionGraph g : current()) {
            g.cancelAndJoin(millis);
        }
    }

    void sampleTimes() {
        current().forEach(ExecutionGraph::sampleTimes);
    }

    List<SubtaskSnapshot> subtaskSnapshots() {
        List<SubtaskSnapshot> all = new ArrayList<>();
        for (ExecutionGraph g : current()) {
            all.addAll(g.subtaskSnapshots());
        }
        return all;
    }

    List<ChannelSnapshot> channelSnapshots() {
        List<ChannelSnapshot> all = new ArrayList<>();
        for (ExecutionGraph g : current()) {
            all.addAll(g.channelSnapshots());
        }
        return all;
    }

    Map<String, long[]> operatorCounts() {
        Map<String, long[]> all = new LinkedHashMap<>();
        for (ExecutionGraph g : current()) {
            all.putAll(g.operatorCounts());
        }
        return all;
    }

    void triggerSources(CheckpointBarrier barrier) {
        for (ExecutionGraph g : current()) {
            for (Task t : g.sourceTasks()) {
                g.triggerCheckpoint(t, barrier);
            }
        }
    }

    void notifyCheckpointComplete(long id) {
        current().forEach(g -> g.notifyCheckpointComplete(id));
    }

    void abortCheckpoint(long id) {
        current().forEach(g -> g.abortCheckpoint(id));
    }

    void requestFinish() {
        current().forEach(ExecutionGraph::requestFinish);
    }

    void drainSources() {
        current().forEach(ExecutionGraph::drainSources);
    }

    CompletableFuture<Void> drainMailboxes() {
        return CompletableFuture.allOf(current().stream().map(ExecutionGraph::drainMailboxes)
                .toArray(CompletableFuture[]::new));
    }

    boolean injectFailure(String operatorId, int subtask, RuntimeException failure) {
        for (ExecutionGraph g : current()) {
            if (g.injectFailure(operatorId, subtask, failure)) {
                return true;
            }
        }
        return false;
    }

    boolean failAtRecords(String operatorId, int subtask, long records, RuntimeException failure) {
        for (ExecutionGraph g : current()) {
            if (g.failAtRecords(operatorId, subtask, records, failure)) {
                return true;
            }
        }
        return false;
    }
}
