package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.TestPipelines;
import org.junit.jupiter.api.Test;

class SavepointLocationsTest {
    private final SimpleObjectProperty<JobClient> job = new SimpleObjectProperty<>();
    private final SavepointLocations locations = new SavepointLocations(Path.of("/sp"), job, () -> 0L);

    @Test
    void theCurrentJobsNewestSavepoint_elseTheOneAReplacedJobWrote() {
        assertThat(locations.latest()).isEmpty();
        FakeJobClient first = FakeJobClient.of(TestPipelines.wordCount());
        job.set(first);
        assertThat(locations.latest()).isEmpty();

        first.triggerSavepoint(Path.of("/sp/one"));
        first.stopWithSavepoint(Path.of("/sp/two"), false);
        assertThat(locations.latest()).contains(Path.of("/sp/two"));

        // A rescale through the savepoint: the new job has none of its own yet.
        FakeJobClient rescaled = FakeJobClient.of(TestPipelines.wordCount());
        job.set(rescaled);
        assertThat(locations.latest()).contains(Path.of("/sp/two"));

        rescaled.triggerSavepoint(Path.of("/sp/three"));
        assertThat(locations.latest()).contains(Path.of("/sp/three"));
        job.set(null);
        assertThat(locations.latest()).contains(Path.of("/sp/three"));
    }

    @Test
    void theNextSavepointGoesIntoAStampedDirectoryOfTheFolderChosen() {
        assertThat(locations.next().getParent()).isEqualTo(Path.of("/sp"));
        assertThat(locations.next().getFileName().toString()).matches("savepoint-\\d{8}-\\d{6}-\\d{3}");
        locations.directoryProperty().set(Path.of("/elsewhere"));
        assertThat(locations.next().getParent()).isEqualTo(Path.of("/elsewhere"));
    }
}
