package org.checkpointlab.model.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.Task;
import org.checkpointlab.model.runtime.TaskCommand;

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

    /** What {@code part} gives of each current graph, in region order. */
    private <T> List<T> collect(Function<ExecutionGraph, Collection<T>> part) {
        List<T> all = new ArrayList<>();
        for (ExecutionGraph g : current()) {
            all.addAll(part.apply(g));
        }
        return all;
    }

    List<Task> tasks() {
        return collect(ExecutionGraph::tasks);
    }

    /** Sends {@code command} to the tasks of every region it applies to. */
    void send(TaskCommand command) {
        current().forEach(g -> g.send(command));
    }

    /** Sends {@code command} to one live subtask; false if there is none. */
    boolean sendTo(String operatorId, int subtask, TaskCommand command) {
        for (ExecutionGraph g : current()) {
            if (g.sendTo(operatorId, subtask, command)) {
                return true;
            }
        }
        return false;
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
        return collect(ExecutionGraph::subtaskSnapshots);
    }

    List<ChannelSnapshot> channelSnapshots() {
        return collect(ExecutionGraph::channelSnapshots);
    }

    Map<String, long[]> operatorCounts() {
        Map<String, long[]> all = new LinkedHashMap<>();
        for (ExecutionGraph g : current()) {
            all.putAll(g.operatorCounts());
        }
        return all;
    }

    CompletableFuture<Void> drainMailboxes() {
        return CompletableFuture.allOf(current().stream().map(ExecutionGraph::drainMailboxes)
                .toArray(CompletableFuture[]::new));
    }
}
