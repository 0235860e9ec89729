package org.checkpointlab.model.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.LabDefaults;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.model.runtime.ChainedOperator;
import org.checkpointlab.model.runtime.StreamOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operator registry is complete: every {@link OperatorKind} can be written to and read from a pipeline file,
 * passes validation in a pipeline of its role, and has an implementation the engine creates. (The palette and the
 * translation to Flink are checked in the views and flink modules.)
 */
class OperatorRegistryTest {

    /** A pipeline with one operator of {@code kind}, fed by as many sources as it needs and drained by a sink. */
    static PipelineSpec pipelineWith(OperatorKind kind) {
        String id = kind.jsonName();
        List<OperatorSpec> ops = new ArrayList<>(List.of(new OperatorSpec(id, null, id, 1, null,
                LabDefaults.params(kind))));
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 0; i < kind.minInputs() || i < 1 && kind.role() != OperatorKind.Role.SOURCE; i++) {
            ops.add(new OperatorSpec("in" + i, null, "sequence-source", 1, null, Map.of()));
            edges.add(new EdgeSpec("in" + i, id, kind.keyed() ? Partitioning.HASH : Partitioning.FORWARD));
        }
        if (kind.role() != OperatorKind.Role.SINK) {
            ops.add(new OperatorSpec("out", null, "discard-sink", 1, null, Map.of()));
            edges.add(new EdgeSpec(id, "out", Partitioning.FORWARD));
        }
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, id, ops, edges, Map.of(), true);
    }

    @ParameterizedTest
    @EnumSource(OperatorKind.class)
    void everyKind_isReadFromAPipelineFile_andValid(OperatorKind kind) throws PipelineException {
        PipelineSpec p = pipelineWith(kind);

        PipelineSpec read = PipelineJson.parse("every-kind.json", PipelineJson.toJson(p));

        assertThat(read).isEqualTo(p);
        assertThat(OperatorKind.byJsonName(read.operators().get(0).kind())).contains(kind);
        assertThat(PipelineValidator.problems(read)).isEmpty();
        assertThat(kind.description()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(OperatorKind.class)
    void everyKind_hasAnImplementation_createdFreshForEachSubtask(OperatorKind kind) {
        OperatorSpec op = pipelineWith(kind).operators().get(0);
        ChainedOperator deployed = new ChainedOperator(op, kind.resolvedParams(op), 128, kind.keyed());

        StreamOperator first = new Operators().create(deployed);
        StreamOperator second = new Operators().create(deployed);

        assertThat(first).isNotNull().isNotSameAs(second);
        assertThat(first).hasSameClassAs(Operators.create(kind));
    }
}
