package org.checkpointlab.flink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * Which of a pipeline's operators each job vertex of its Flink job runs, read from the job graph that was submitted
 * (every operator's uid is its id): the vertex ids Flink's REST API speaks of, mapped back to the spec.
 *
 * @param chains per vertex id (hex, as REST shows it) the operators of its chain, head first
 */
public record VertexOperators(Map<String, List<String>> chains) {
    public VertexOperators {
        chains = Map.copyOf(chains);
    }

    /** The chains of {@code graph}, whose operators carry the uids of {@code pipeline}'s operators. */
    public static VertexOperators of(JobGraph graph, PipelineSpec pipeline) {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (JobVertex vertex : graph.getVertices()) {
            Set<String> uids = new HashSet<>();
            for (OperatorIDPair pair : vertex.getOperatorIDs()) {
                if (pair.getUserDefinedOperatorUid() != null) {
                    uids.add(pair.getUserDefinedOperatorUid());
                }
            }
            chains.put(vertex.getID().toString(), headFirst(uids, pipeline));
        }
        return new VertexOperators(chains);
    }

    /** The chain's operators in data-flow order: each after the operators of the chain that feed it. */
    private static List<String> headFirst(Set<String> chain, PipelineSpec pipeline) {
        List<String> ordered = new ArrayList<>();
        Set<String> left = new HashSet<>(chain);
        while (!left.isEmpty()) {
            String next = null;
            for (String op : pipeline.operators().stream().map(o -> o.id()).filter(left::contains).toList()) {
                boolean fed = pipeline.inputsOf(op).stream().map(EdgeSpec::from)
                        .noneMatch(left::contains);
                if (fed) {
                    next = op;
                    break;
                }
            }
            if (next == null) { // not a chain of the pipeline (a cycle cannot be): keep the rest in pipeline order
                pipeline.operators().stream().map(o -> o.id()).filter(left::contains).forEach(ordered::add);
                break;
            }
            ordered.add(next);
            left.remove(next);
        }
        return List.copyOf(ordered);
    }

    /** The operators of vertex {@code vertexId}, head first; empty for an unknown vertex. */
    public List<String> operatorsOf(String vertexId) {
        return chains.getOrDefault(vertexId, List.of());
    }

    /** The head operator of vertex {@code vertexId}, or {@code vertexId} itself when unknown. */
    public String headOf(String vertexId) {
        List<String> ops = chains.get(vertexId);
        return ops == null || ops.isEmpty() ? vertexId : ops.get(0);
    }

    /** The vertex that runs operator {@code operatorId}, or null. */
    public String vertexOf(String operatorId) {
        for (Map.Entry<String, List<String>> e : chains.entrySet()) {
            if (e.getValue().contains(operatorId)) {
                return e.getKey();
            }
        }
        return null;
    }
}
