package org.checkpointlab.model.lesson;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * What a lesson sees at one moment, engine-neutral: the job as the {@link JobClient} boundary shows it (a snapshot,
 * the pipeline as run, its configuration, the savepoints it wrote) and what the user did so far.
 *
 * @param jobSerial   which job of the session this is: +1 whenever another job replaces it (a restore, a rescale)
 * @param snapshot    the job's snapshot, or {@code null} when no job runs yet
 * @param pipeline    the pipeline as run, or {@code null} without a job
 * @param config      the job's configuration, or {@code null} without a job
 * @param options     the checkpoint options in force (changed live by the toolbar or Settings), or null
 * @param savepoints  the savepoints the job wrote, oldest first
 * @param userActions how often the user did each thing the window reports ({@code tab:output}, {@code answer}…)
 * @param keysFound   the keys the user found with the State view's search so far, oldest first
 */
public record LessonObservation(long jobSerial, JobSnapshot snapshot, PipelineSpec pipeline, JobConfig config,
                                CheckpointOptions options, List<SavepointResult> savepoints, Map<String, Integer> userActions,
                                List<KeyFound> keysFound) {
    public LessonObservation {
        savepoints = savepoints == null ? List.of() : List.copyOf(savepoints);
        userActions = userActions == null ? Map.of() : Map.copyOf(userActions);
        keysFound = keysFound == null ? List.of() : List.copyOf(keysFound);
    }

    /** An observation before any key was found. */
    public LessonObservation(long jobSerial, JobSnapshot snapshot, PipelineSpec pipeline, JobConfig config,
                             CheckpointOptions options, List<SavepointResult> savepoints,
                             Map<String, Integer> userActions) {
        this(jobSerial, snapshot, pipeline, config, options, savepoints, userActions, List.of());
    }

    /** What the client shows now. */
    public static LessonObservation of(long jobSerial, JobClient client, Map<String, Integer> userActions) {
        if (client == null) {
            return new LessonObservation(jobSerial, null, null, null, null, List.of(), userActions);
        }
        return new LessonObservation(jobSerial, client.snapshot(), client.pipeline(), client.config(),
                client.checkpointOptions(), client.savepoints(), userActions);
    }

    /** What the client shows with {@code snapshot}, a snapshot of it just taken (by the UI's frame loop). */
    public static LessonObservation of(long jobSerial, JobClient client, JobSnapshot snapshot,
                                       Map<String, Integer> userActions) {
        return new LessonObservation(jobSerial, snapshot, client.pipeline(), client.config(),
                client.checkpointOptions(), client.savepoints(), userActions);
    }

    /** The same observation with the keys found so far. */
    public LessonObservation withKeysFound(List<KeyFound> found) {
        return new LessonObservation(jobSerial, snapshot, pipeline, config, options, savepoints, userActions, found);
    }

    /** How often the user did {@code action}. */
    public int actions(String action) {
        return userActions.getOrDefault(action, 0);
    }
}
