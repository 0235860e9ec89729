package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.junit.jupiter.api.Test;

/**
 * Flink's recoveries read as the local engine reports them: one {@link RestartEvent} per restart, with the
 * checkpoint it restored ({@code latest.restored} of {@code /jobs/:jid/checkpoints}) and the failure before it; the
 * restore of a job's start is no recovery, and names the savepoint it started from.
 */
class RestRestoresTest {
    private static final List<FailureEvent> ONE_FAILURE = List.of(new FailureEvent(1_000, "count", 1, "boom"));

    private static JsonObject checkpoints(String restored) {
        return JsonParser.parseString("{\"counts\":{},\"latest\":{\"completed\":null,\"restored\":" + restored
                + "}}").getAsJsonObject();
    }

    private static JsonObject restored(long id, long at, boolean savepoint) {
        return checkpoints("{\"id\":" + id + ",\"restore_timestamp\":" + at + ",\"is_savepoint\":" + savepoint
                + ",\"external_path\":\"file:/tmp/x\"}");
    }

    @Test
    void aRestartIsRecordedOnceItsRestoreShows_withTheFailureBeforeIt() {
        RestRestores restores = new RestRestores();
        restores.observe(restored(0, 0, false), 0, JobStatus.RUNNING, List.of(), 500);
        assertThat(restores.restarts()).isEmpty();

        restores.observe(checkpoints("null"), 1, JobStatus.RESTARTING, ONE_FAILURE, 1_100);
        assertThat(restores.restarts()).as("restarting: nothing restored yet").isEmpty();

        restores.observe(restored(4, 1_250, false), 1, JobStatus.RUNNING, ONE_FAILURE, 1_300);
        assertThat(restores.restarts()).containsExactly(new RestartEvent(1_000, 1_250, 4, 250));

        restores.observe(restored(4, 1_250, false), 1, JobStatus.RUNNING, ONE_FAILURE, 1_500);
        assertThat(restores.restarts()).as("the same restore seen again").hasSize(1);
        assertThat(restores.startSavepointId()).isEqualTo(-1);
    }

    @Test
    void aRestartWithNothingToRestore_isRecordedWhenTheJobRunsAgain() {
        RestRestores restores = new RestRestores();
        restores.observe(checkpoints("null"), 1, JobStatus.RESTARTING, ONE_FAILURE, 1_100);
        assertThat(restores.restarts()).isEmpty();

        restores.observe(checkpoints("null"), 1, JobStatus.RUNNING, ONE_FAILURE, 1_400);

        assertThat(restores.restarts()).containsExactly(new RestartEvent(1_000, 1_400, 0, 400));
    }

    @Test
    void theRestoreOfTheJobsStart_isNoRecovery_butNamesItsSavepoint() {
        RestRestores restores = new RestRestores();
        restores.observe(restored(12, 900, true), 0, JobStatus.RUNNING, List.of(), 1_000);
        assertThat(restores.restarts()).isEmpty();
        assertThat(restores.startSavepointId()).isEqualTo(12);

        restores.observe(restored(12, 1_250, true), 1, JobStatus.RUNNING, ONE_FAILURE, 1_300);
        assertThat(restores.restarts()).as("failed before its first checkpoint: the savepoint again")
                .containsExactly(new RestartEvent(1_000, 1_250, 12, 250));
    }
}
