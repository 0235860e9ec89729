package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.TestPipelines;
import org.junit.jupiter.api.Test;

class LatestSavepointTest {
    private final SimpleObjectProperty<JobClient> job = new SimpleObjectProperty<>();
    private final LatestSavepoint latest = new LatestSavepoint(job);

    @Test
    void theCurrentJobsNewestSavepoint_elseTheOneAReplacedJobWrote() {
        assertThat(latest.get()).isEmpty();
        FakeJobClient first = FakeJobClient.of(TestPipelines.wordCount());
        job.set(first);
        assertThat(latest.get()).isEmpty();

        first.triggerSavepoint(Path.of("/sp/one"));
        first.stopWithSavepoint(Path.of("/sp/two"), false);
        assertThat(latest.get()).contains(Path.of("/sp/two"));

        // A rescale through the savepoint: the new job has none of its own yet.
        FakeJobClient rescaled = FakeJobClient.of(TestPipelines.wordCount());
        job.set(rescaled);
        assertThat(latest.get()).contains(Path.of("/sp/two"));

        rescaled.triggerSavepoint(Path.of("/sp/three"));
        assertThat(latest.get()).contains(Path.of("/sp/three"));
        job.set(null);
        assertThat(latest.get()).contains(Path.of("/sp/three"));
    }
}
