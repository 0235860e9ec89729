package org.checkpointlab.views.checkpoints;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * How the Checkpoints tab names an operator: by the id the pipeline gave it ("count"), except for operators that
 * are not the pipeline's own but a cluster's job vertices (a watched Flink job: its ids are 32 hex digits, of no
 * kind the pipeline format knows), which are named as the graph names them, by their name ("Count per key").
 */
final class OperatorLabels {
    private OperatorLabels() {
    }

    /** Labels for the operators of {@code job}'s pipeline; ids pass unchanged without a job. */
    static UnaryOperator<String> of(JobClient job) {
        if (job == null) {
            return id -> id;
        }
        Map<String, String> names = new HashMap<>();
        for (OperatorSpec op : job.pipeline().operators()) {
            if (OperatorKind.byJsonName(op.kind()).isEmpty() && op.name() != null && !op.name().isBlank()) {
                names.put(op.id(), op.name());
            }
        }
        return id -> names.getOrDefault(id, id);
    }
}
