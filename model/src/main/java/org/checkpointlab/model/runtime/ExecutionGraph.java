package org.checkpointlab.model.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * One deployment (attempt) of a job: the pipeline cut into chains (Flink's operator chaining), one {@link Task} per
 * chain and subtask, and the {@link Channel}s between them. Built from a pipeline whose overrides are applied, and
 * optionally restored from a completed checkpoint.
 *
 * <p>Chaining, as in Flink: an operator is chained to its predecessor when chaining is on, the edge between them is
 * {@code forward}, it is the predecessor's only output and the operator's only input, and both have the same
 * parallelism.
 */
public final class ExecutionGraph {
    private final List<Vertex> vertices = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    /** Written by the job's control thread ({@link #sampleTimes}), read by observers on any thread. */
    private final Map<Task, TimeSampler> samplers = new java.util.concurrent.ConcurrentHashMap<>();

    /** A chain of operators deployed as one task per subtask. */
    public record Vertex(String name, List<ChainedOperator> chain, int parallelism) {
        public String headId() {
            return chain.get(0).id();
        }

        public String tailId() {
            return chain.get(chain.size() - 1).id();
        }
    }

    /** Everything a deployment needs besides the pipeline. */
    public record Environment(TaskListener listener, Executor asyncExecutor, CheckpointStorage storage,
                              StateBackendFactory backends, SinkStore sinkStore, RuntimeContext runtime,
                              int bufferSize, int buffersPerChannel) {
    }

    /**
     * Builds the graph.
     *
     * @param pipeline   a valid pipeline with overrides applied
     * @param params     resolved parameters (defaults filled in) per operator
     * @param keyed      which operators have keyed state
     * @param restore    the checkpoint to restore from, or null
     */
    public static ExecutionGraph build(PipelineSpec pipeline, Function<OperatorSpec, Map<String, Object>> params,
                                       Set<String> keyed, Environment env, CompletedCheckpoint restore) {
        ExecutionGraph g = new ExecutionGraph();
        g.buildVertices(pipeline, params, keyed);
        g.deploy(pipeline, env, restore);
        return g;
    }

    private void buildVertices(PipelineSpec pipeline, Function<OperatorSpec, Map<String, Object>> params,
                               Set<String> keyed) {
        Map<String, OperatorSpec> byId = new LinkedHashMap<>();
        for (OperatorSpec op : pipeline.operators()) {
            byId.put(op.id(), op);
        }
        Set<String> chainedToPredecessor = new LinkedHashSet<>();
        Map<String, String> chainNext = new HashMap<>();
        for (EdgeSpec e : pipeline.edges()) {
            if (chainable(pipeline, e, byId)) {
                chainedToPredecessor.add(e.to());
                chainNext.put(e.from(), e.to());
            }
        }
        for (OperatorSpec op : topologicalOrder(pipeline)) {
            if (chainedToPredecessor.contains(op.id())) {
                continue;
            }
            List<ChainedOperator> chain = new ArrayList<>();
            String id = op.id();
            while (id != null) {
                OperatorSpec spec = byId.get(id);
                int maxP = spec.maxParallelism() != null ? spec.maxParallelism()
                        : KeyGroups.defaultMaxParallelism(spec.parallelism());
                chain.add(new ChainedOperator(spec, params.apply(spec), maxP, keyed.contains(id)));
                id = chainNext.get(id);
            }
            String name = chain.stream().map(c -> c.spec().name()).reduce((a, b) -> a + " → " + b).orElseThrow();
            vertices.add(new Vertex(name, chain, op.parallelism()));
        }
    }

    private static boolean chainable(PipelineSpec p, EdgeSpec e, Map<String, OperatorSpec> byId) {
        return p.chaining() && e.partitioning() == Partitioning.FORWARD
                && p.outputsOf(e.from()).size() == 1 && p.inputsOf(e.to()).size() == 1
                && byId.get(e.from()).parallelism() == byId.get(e.to()).parallelism();
    }

    private static List<OperatorSpec> topologicalOrder(PipelineSpec p) {
        Map<String, Integer> inDegree = new HashMap<>();
        for (OperatorSpec op : p.operators()) {
            inDegree.put(op.id(), p.inputsOf(op.id()).size());
        }
        List<OperatorSpec> order = new ArrayList<>();
        List<OperatorSpec> ready = new ArrayList<>(p.operators().stream()
                .filter(o -> inDegree.get(o.id()) == 0).toList());
        while (!ready.isEmpty()) {
            OperatorSpec op = ready.remove(0);
            order.add(op);
            for (EdgeSpec e : p.outputsOf(op.id())) {
                if (inDegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(p.operator(e.to()).orElseThrow());
                }
            }
        }
        if (order.size() != p.operators().size()) {
            throw new IllegalArgumentException("the pipeline has a cycle");
        }
        return order;
    }

    private void deploy(PipelineSpec pipeline, Environment env, CompletedCheckpoint restore) {
        Map<String, Vertex> vertexByHead = new HashMap<>();
        Map<String, Vertex> vertexByTail = new HashMap<>();
        Map<Vertex, List<Task>> subtasks = new LinkedHashMap<>();
        for (Vertex v : vertices) {
            vertexByHead.put(v.headId(), v);
            vertexByTail.put(v.tailId(), v);
        }
        // Inputs of each receiving vertex in edge order, so channel indexes are stable across attempts.
        Map<Vertex, List<EdgeSpec>> inputEdges = new HashMap<>();
        for (Vertex v : vertices) {
            inputEdges.put(v, pipeline.inputsOf(v.headId()));
        }
        for (Vertex v : vertices) {
            List<Task> list = new ArrayList<>();
            for (int i = 0; i < v.parallelism(); i++) {
                TaskRestore r = restore == null ? null
                        : restoreFor(v, i, restore, inputChannelCount(v, inputEdges.get(v), vertexByTail));
                list.add(new Task(v.name(), v.chain(), i, v.parallelism(), env.listener(), env.asyncExecutor(),
                        env.storage(), env.backends(), env.sinkStore(), env.runtime(), r));
            }
            subtasks.put(v, list);
            tasks.addAll(list);
        }
        for (Vertex receiver : vertices) {
            List<EdgeSpec> inputs = inputEdges.get(receiver);
            for (int input = 0; input < inputs.size(); input++) {
                EdgeSpec e = inputs.get(input);
                Vertex sender = vertexByTail.get(e.from());
                List<Task> senders = subtasks.get(sender);
                List<Task> receivers = subtasks.get(receiver);
                List<List<Channel>> perSender = new ArrayList<>();
                for (int s = 0; s < senders.size(); s++) {
                    perSender.add(new ArrayList<>());
                }
                for (Task r : receivers) {
                    for (Task s : senders) {
                        if (e.partitioning() == Partitioning.FORWARD && s.subtaskIndex() != r.subtaskIndex()) {
                            continue;
                        }
                        Channel c = new Channel(s, r, r.inputChannelCount(), input, e.from(), e.to(),
                                e.partitioning(), env.buffersPerChannel(), env.bufferSize());
                        r.addInputChannel(c);
                        perSender.get(s.subtaskIndex()).add(c);
                        channels.add(c);
                    }
                }
                int downstreamMaxP = receiver.chain().get(0).maxParallelism();
                for (Task s : senders) {
                    List<Channel> out = perSender.get(s.subtaskIndex());
                    // Per sender, channels are ordered by receiver index: the hash partitioner relies on it.
                    out.sort(Comparator.comparingInt(c -> c.receiver.subtaskIndex()));
                    s.addOutput(new RecordWriter(out.toArray(new Channel[0]), e.partitioning(), downstreamMaxP,
                            s.subtaskIndex()));
                }
            }
        }
    }

    private static int inputChannelCount(Vertex v, List<EdgeSpec> inputs, Map<String, Vertex> byTail) {
        int n = 0;
        for (EdgeSpec e : inputs) {
            n += e.partitioning() == Partitioning.FORWARD ? 1 : byTail.get(e.from()).parallelism();
        }
        return n;
    }

    /**
     * Assigns the state of {@code checkpoint} to subtask {@code index} of {@code vertex}, as Flink's
     * {@code StateAssignmentOperation}: keyed state from every old subtask whose key-group range overlaps the new
     * range, operator state from all old subtasks (the backend splits or unions it), and in-flight data of the
     * subtask's channels (same parallelism only).
     */
    private static TaskRestore restoreFor(Vertex vertex, int index, CompletedCheckpoint checkpoint, int channels) {
        Map<String, List<byte[]>> keyed = new HashMap<>();
        Map<String, List<byte[]>> operator = new HashMap<>();
        try {
            for (ChainedOperator op : vertex.chain()) {
                List<OperatorSubtaskState> old = new ArrayList<>();
                for (TaskStateSnapshot t : checkpoint.tasks().values()) {
                    for (OperatorSubtaskState s : t.operators()) {
                        if (s.operatorId().equals(op.id())) {
                            old.add(s);
                        }
                    }
                }
                if (old.isEmpty()) {
                    continue;
                }
                old.sort(Comparator.comparingInt(OperatorSubtaskState::subtaskIndex));
                KeyGroupRange range = KeyGroups.rangeForOperatorIndex(op.maxParallelism(), vertex.parallelism(),
                        index);
                List<byte[]> keyedBlobs = new ArrayList<>();
                List<byte[]> operatorBlobs = new ArrayList<>();
                for (OperatorSubtaskState s : old) {
                    if (s.keyedState() != null && s.keyGroupRange().intersection(range).size() > 0) {
                        keyedBlobs.add(s.keyedState().read());
                    }
                    operatorBlobs.add(s.operatorState().read());
                }
                keyed.put(op.id(), keyedBlobs);
                operator.put(op.id(), operatorBlobs);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read state of checkpoint " + checkpoint.id(), e);
        }
        Map<Integer, List<StreamRecord>> replay = new LinkedHashMap<>();
        for (int c = 0; c < channels; c++) {
            String key = TaskStateSnapshot.channelKey(vertex.headId(), index, c);
            List<StreamRecord> records = new ArrayList<>();
            for (TaskStateSnapshot t : checkpoint.tasks().values()) {
                records.addAll(t.inputInFlight().getOrDefault(key, List.of()));
            }
            for (TaskStateSnapshot t : checkpoint.tasks().values()) {
                records.addAll(t.outputInFlight().getOrDefault(key, List.of()));
            }
            if (!records.isEmpty()) {
                replay.put(c, records);
            }
        }
        return new TaskRestore(checkpoint.id(), keyed, operator, replay);
    }

    // ---- observation -------------------------------------------------------------------------------------------------

    /** Samples every task's idle and backpressured time. Call from one thread, a few times a second. */
    public void sampleTimes() {
        long now = System.nanoTime();
        for (Task t : tasks) {
            samplers.computeIfAbsent(t, k -> new TimeSampler()).sample(t, now);
        }
    }

    /** Every subtask now. Any thread. */
    public List<org.checkpointlab.model.observe.SubtaskSnapshot> subtaskSnapshots() {
        List<org.checkpointlab.model.observe.SubtaskSnapshot> list = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            TimeSampler sampler = samplers.get(t);
            double[] rates = sampler == null ? new double[] {0, 0, 1000} : sampler.rates();
            long[][] counts = t.recordCounts();
            list.add(new org.checkpointlab.model.observe.SubtaskSnapshot(t.taskName(),
                    t.chain().stream().map(ChainedOperator::id).toList(), t.subtaskIndex(), t.parallelism(),
                    t.status(), t.barrierState(), counts[0][0], counts[counts.length - 1][1], rates[0], rates[1],
                    rates[2], usage(t.inputChannels()), usage(t.outputChannels()), t.stateSizeBytes(),
                    t.inSyncPhase(), t.asyncSnapshotsInProgress(), t.restoredCheckpointId(), counts[0][1]));
        }
        return list;
    }

    private static double usage(List<Channel> list) {
        if (list.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Channel c : list) {
            sum += Math.min(1.0, (double) c.queuedBuffers() / c.capacity);
        }
        return sum / list.size();
    }

    /** Per operator id: {records in, records out} summed over its subtasks. Any thread (racy, recent values). */
    public Map<String, long[]> operatorCounts() {
        Map<String, long[]> result = new LinkedHashMap<>();
        for (Vertex v : vertices) {
            for (ChainedOperator op : v.chain()) {
                result.put(op.id(), new long[2]);
            }
        }
        for (Task t : tasks) {
            long[][] counts = t.recordCounts();
            for (int i = 0; i < counts.length; i++) {
                long[] sum = result.get(t.chain().get(i).id());
                sum[0] += counts[i][0];
                sum[1] += counts[i][1];
            }
        }
        return result;
    }

    // ---- running -------------------------------------------------------------------------------------------------

    public void start() {
        for (Task t : tasks) {
            t.start();
        }
    }

    /** Cancels every task and waits (up to {@code millis} each) for their threads to end. */
    public void cancelAndJoin(long millis) throws InterruptedException {
        for (Task t : tasks) {
            t.cancel();
        }
        for (Task t : tasks) {
            t.join(millis);
        }
    }

    public List<Vertex> vertices() {
        return vertices;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public List<ChannelSnapshot> channelSnapshots() {
        List<ChannelSnapshot> list = new ArrayList<>(channels.size());
        for (Channel c : channels) {
            list.add(c.snapshot());
        }
        return list;
    }

    /** Task key of a task: {@code headOperator#subtask}. */
    public static String taskKey(Task t) {
        return t.headOperatorId() + "#" + t.subtaskIndex();
    }

    /** Sends {@code command} to every task it applies to (every task, or the sources). */
    public void send(TaskCommand command) {
        for (Task t : tasks) {
            if (command.appliesTo(t)) {
                command.applyTo(t);
            }
        }
    }

    /**
     * Sends {@code command} to subtask {@code subtask} of the chain holding {@code operatorId}.
     *
     * @return false if there is no such live subtask (none, or it ended)
     */
    public boolean sendTo(String operatorId, int subtask, TaskCommand command) {
        Task t = find(operatorId, subtask);
        if (t == null) {
            return false;
        }
        command.applyTo(t);
        return true;
    }

    /** Completes when every task processed the mail sent to it so far (ended tasks count as done). */
    public java.util.concurrent.CompletableFuture<Void> drainMailboxes() {
        return java.util.concurrent.CompletableFuture.allOf(tasks.stream().map(Task::drainMailbox)
                .toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    /** The live subtask {@code subtask} of the chain holding {@code operatorId}, or null (none, or it ended). */
    private Task find(String operatorId, int subtask) {
        for (Task t : tasks) {
            if (t.subtaskIndex() == subtask && !t.status().isTerminal()
                    && t.chain().stream().anyMatch(c -> c.id().equals(operatorId))) {
                return t;
            }
        }
        return null;
    }
}
