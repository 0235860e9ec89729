package org.checkpointlab.flink.rest;

import java.util.List;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * What one poll of Flink's REST API saw of a job, immutable.
 *
 * @param snapshot             the job in the model's terms (no channels: Flink's REST API does not show them)
 * @param pipeline             the job graph from {@code /plan}
 * @param vertices             the job vertices from {@code /jobs/:jid}, in Flink's order
 * @param startTimeMillis      when the job started (epoch ms)
 * @param durationMillis       how long it ran so far (or in all, once ended)
 * @param completedCheckpoints Flink's count of completed checkpoints (beyond its history)
 * @param failedCheckpoints    Flink's count of failed checkpoints
 * @param polledAtMillis       when this poll ended (epoch ms)
 * @param error                why the last poll failed (the data are then from the poll before), or null
 * @param vanished             the cluster no longer knows the job (or the poller gave up on it)
 */
public record RestObservation(JobSnapshot snapshot, PipelineSpec pipeline, List<RestJobParser.Vertex> vertices,
                              long startTimeMillis, long durationMillis, long completedCheckpoints,
                              long failedCheckpoints, long polledAtMillis, String error, boolean vanished) {
    public RestObservation {
        vertices = List.copyOf(vertices);
    }

    RestObservation withError(String newError, boolean nowVanished) {
        return new RestObservation(snapshot, pipeline, vertices, startTimeMillis, durationMillis,
                completedCheckpoints, failedCheckpoints, polledAtMillis, newError, nowVanished);
    }
}
