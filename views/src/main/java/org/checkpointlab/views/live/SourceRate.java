package org.checkpointlab.views.live;

import java.util.Set;
import java.util.stream.Collectors;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.charts.OperatorLoad;
import org.checkpointlab.views.charts.OperatorLoadSampler;

/**
 * The records per second the sources emit now, for the status strip: the sum of the source operators' rates as the
 * throughput chart computes them ({@link OperatorLoadSampler}, the growth of their record counts between two
 * snapshots), so the strip and the chart agree, in slow motion too. An average since the start would not: after a
 * minute at full speed, a job slowed to 1 record/s would still show thousands. FX thread only.
 */
final class SourceRate {
    private final OperatorLoadSampler sampler = new OperatorLoadSampler();
    private Set<String> sources = Set.of();
    private double last;

    /** Starts over for a job of {@code pipeline} ({@code null}: none). */
    void reset(PipelineSpec pipeline) {
        sampler.reset();
        last = 0;
        sources = pipeline == null ? Set.of() : pipeline.operators().stream()
                .filter(op -> OperatorKind.byJsonName(op.kind()).map(k -> k.role() == OperatorKind.Role.SOURCE)
                        .orElse(false))
                .map(op -> op.id()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The sources' records per second between the previous snapshot given here and {@code snapshot}; the last
     * figure when it cannot be known (the first snapshot, a restart in between).
     */
    double update(JobSnapshot snapshot) {
        double sum = 0;
        boolean known = false;
        for (OperatorLoad load : sampler.sample(snapshot)) {
            if (sources.contains(load.operatorId()) && !Double.isNaN(load.recordsPerSecond())) {
                sum += load.recordsPerSecond();
                known = true;
            }
        }
        if (known) {
            last = sum;
        }
        return last;
    }
}
