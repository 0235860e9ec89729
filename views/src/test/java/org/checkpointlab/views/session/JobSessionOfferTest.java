package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The panels take the live graph's snapshots of their job, at most at the poll rate. */
class JobSessionOfferTest {
    private static final long MS = 1_000_000L;

    private final JobSession session = new JobSession(TaskRunner.sameThread(), Path.of("target", "offer-sp"));
    private Job job;
    private Job other;

    @AfterEach
    void stop() {
        for (Job j : new Job[] {job, other}) {
            if (j != null) {
                j.close();
            }
        }
    }

    @Test
    void snapshotsOfTheSessionsJob_arePublishedAtMostAtThePollRate_andOtherJobsAreIgnored() throws Exception {
        PipelineSpec spec = PipelineJson.read(Path.of("..", "samples", "word-count.json"));
        job = session.start(JobConfig.of(spec));
        other = Job.start(JobConfig.of(spec));
        long t = System.nanoTime() + 1_000 * MS; // well after the publish of start
        JobSnapshot first = job.snapshot();
        JobSnapshot tooSoon = job.snapshot();
        JobSnapshot next = job.snapshot();

        session.offer(job, first, t);
        assertThat(session.snapshotProperty().get()).isSameAs(first);

        session.offer(job, tooSoon, t + 100 * MS);
        assertThat(session.snapshotProperty().get()).as("within 250 ms of the last: kept for the next").isSameAs(first);

        session.offer(other, other.snapshot(), t + 300 * MS);
        assertThat(session.snapshotProperty().get()).as("another job's snapshot").isSameAs(first);

        session.offer(job, next, t + 300 * MS);
        assertThat(session.snapshotProperty().get()).isSameAs(next);
    }
}
