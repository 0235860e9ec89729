package org.checkpointlab.views.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.TestPipelines.edge;
import static org.checkpointlab.views.TestPipelines.operator;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

class OperatorRolesTest {

    @Test
    void knownKinds_takeTheirRoleFromTheKindRegistry() {
        assertThat(OperatorRoles.roleOf(OperatorKind.SEQUENCE_SOURCE)).isEqualTo(OperatorRole.SOURCE);
        assertThat(OperatorRoles.roleOf(OperatorKind.MAP)).isEqualTo(OperatorRole.TRANSFORMATION);
        assertThat(OperatorRoles.roleOf(OperatorKind.KEYED_COUNT)).isEqualTo(OperatorRole.KEYED);
        assertThat(OperatorRoles.roleOf(OperatorKind.TUMBLING_WINDOW_COUNT)).isEqualTo(OperatorRole.KEYED);
        assertThat(OperatorRoles.roleOf(OperatorKind.TRANSACTIONAL_SINK)).isEqualTo(OperatorRole.SINK);
    }

    @Test
    void everyKnownKind_hasARole() {
        for (OperatorKind kind : OperatorKind.values()) {
            assertThat(OperatorRoles.roleOf(kind)).as("role of %s", kind).isNotNull();
        }
    }

    @Test
    void unknownKinds_takeTheirRoleFromTheirPlaceInThePipeline() {
        PipelineSpec spec = new PipelineSpec(1, "custom",
                List.of(operator("in", "my-source", 1), operator("mid", "my-map", 1),
                        operator("agg", "my-agg", 1), operator("out", "my-sink", 1)),
                List.of(edge("in", "mid", Partitioning.FORWARD), edge("mid", "agg", Partitioning.HASH),
                        edge("agg", "out", Partitioning.REBALANCE)),
                Map.of(), true);

        assertThat(spec.operators()).extracting(o -> OperatorRoles.roleOf(o, spec)).containsExactly(
                OperatorRole.SOURCE, OperatorRole.TRANSFORMATION, OperatorRole.KEYED, OperatorRole.SINK);
    }
}
