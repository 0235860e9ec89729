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

        session.offer(job, first, t, false);
        assertThat(session.snapshotProperty().get()).isSameAs(first);

        session.offer(job, tooSoon, t + 100 * MS, false);
        assertThat(session.snapshotProperty().get()).as("within 250 ms of the last: kept for the next").isSameAs(first);

        session.offer(other, other.snapshot(), t + 300 * MS, false);
        assertThat(session.snapshotProperty().get()).as("another job's snapshot").isSameAs(first);

        session.offer(job, next, t + 300 * MS, false);
        assertThat(session.snapshotProperty().get()).isSameAs(next);
    }

    @Test
    void whileTheLiveViewIsConstrained_panelsAreUpdatedEveryThreeSeconds_andARepeatedSnapshotIsNotPublishedAgain()
            throws Exception {
        PipelineSpec spec = PipelineJson.read(Path.of("..", "samples", "word-count.json"));
        job = session.start(JobConfig.of(spec));
        long t = System.nanoTime() + 4_000 * MS; // more than the constrained interval after the publish of start
        JobSnapshot first = job.snapshot();
        session.offer(job, first, t, true);
        assertThat(session.snapshotProperty().get()).isSameAs(first);

        JobSnapshot second = job.snapshot();
        session.offer(job, second, t + 500 * MS, true);
        assertThat(session.snapshotProperty().get()).as("constrained: not within the interval").isSameAs(first);
        session.offer(job, second, t + 2_900 * MS, true);
        assertThat(session.snapshotProperty().get()).as("constrained: not within 3 s either").isSameAs(first);
        session.offer(job, second, t + 3_100 * MS, true);
        assertThat(session.snapshotProperty().get())
                .as("a frame that did not sample offers the snapshot it already offered: not published late")
                .isSameAs(first);

        JobSnapshot third = job.snapshot();
        session.offer(job, third, t + 3_200 * MS, true);
        assertThat(session.snapshotProperty().get()).as("a new sample, 3 s after the last update")
                .isSameAs(third);
        JobSnapshot fourth = job.snapshot();
        session.offer(job, fourth, t + 3_500 * MS, false);
        assertThat(session.snapshotProperty().get()).as("not constrained: the poll interval holds")
                .isSameAs(fourth);
    }
}
