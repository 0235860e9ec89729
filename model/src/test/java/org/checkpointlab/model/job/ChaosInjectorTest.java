package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.checkpointlab.model.checkpoint.ManualTimerService;
import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;

class ChaosInjectorTest {
    private final ManualTimerService control = new ManualTimerService();
    private final FakeJob job = new FakeJob();
    private final ChaosInjector injector = new ChaosInjector(control, job);

    private static final class FakeJob implements ChaosInjector.Target {
        JobStatus status = JobStatus.RUNNING;
        final List<String> injected = new ArrayList<>();
        final List<Long> injectedAt = new ArrayList<>();
        ManualTimerService clock;

        @Override
        public JobStatus status() {
            return status;
        }

        @Override
        public List<ChaosInjector.Subtask> subtasks() {
            return List.of(new ChaosInjector.Subtask("map", 0), new ChaosInjector.Subtask("map", 1),
                    new ChaosInjector.Subtask("sink", 0));
        }

        @Override
        public boolean injectFailure(String operatorId, int index) {
            injected.add(operatorId + "#" + index);
            injectedAt.add(clock.nowMillis());
            return true;
        }
    }

    @Test
    void aScheduledFailureFiresAtItsTime_onlyIfTheJobRuns() {
        job.clock = control;
        injector.scheduleFailure("map", 1, 500);
        injector.scheduleFailure("sink", 0, 900);
        control.advance(499);
        assertThat(job.injected).isEmpty();
        control.advance(1);
        assertThat(job.injected).containsExactly("map#1");
        job.status = JobStatus.RESTARTING;
        control.advance(1_000);
        assertThat(job.injected).containsExactly("map#1");
    }

    @Test
    void chaosInjectsItsFailuresSpacedWithinTheWindow_andTheSameSeedRepeatsThem() {
        job.clock = control;
        CompletableFuture<Integer> done = injector.chaos(4, 42, new CompletableFuture<>());
        control.advance(60_000);

        assertThat(done).isCompletedWithValue(4);
        assertThat(job.injected).hasSize(4);
        long previous = 0;
        for (int i = 0; i < 4; i++) {
            long gap = job.injectedAt.get(i) - previous;
            long min = ChaosInjector.MIN_DELAY_MILLIS + (i == 0 ? 0 : ChaosInjector.AFTER_INJECTION_MILLIS);
            assertThat(gap).isBetween(min, min + ChaosInjector.SPREAD_MILLIS);
            previous = job.injectedAt.get(i);
        }

        ManualTimerService again = new ManualTimerService();
        FakeJob second = new FakeJob();
        second.clock = again;
        new ChaosInjector(again, second).chaos(4, 42, new CompletableFuture<>());
        again.advance(60_000);
        assertThat(second.injected).isEqualTo(job.injected);
        assertThat(second.injectedAt).isEqualTo(job.injectedAt);
    }

    @Test
    void chaosWaitsWhileTheJobRestarts_andStopsWhenItEnds() {
        job.clock = control;
        job.status = JobStatus.RESTARTING;
        CompletableFuture<Integer> done = injector.chaos(3, 1, new CompletableFuture<>());
        control.advance(10_000);
        assertThat(job.injected).isEmpty();
        assertThat(done).isNotDone();

        job.status = JobStatus.RUNNING;
        control.advance(2_000 + ChaosInjector.RETRY_MILLIS);
        assertThat(job.injected).hasSize(1);
        job.status = JobStatus.CANCELED;
        control.advance(10_000);
        assertThat(done).isCompletedWithValue(1);
    }

    @Test
    void chaosReportsWhatItInjectedWhenTheJobTerminates() {
        job.clock = control;
        CompletableFuture<JobStatus> termination = new CompletableFuture<>();
        CompletableFuture<Integer> done = injector.chaos(5, 3, termination);
        control.advance(2_000);
        int soFar = job.injected.size();
        termination.complete(JobStatus.FINISHED);
        assertThat(done).isCompletedWithValue(soFar);
    }
}
