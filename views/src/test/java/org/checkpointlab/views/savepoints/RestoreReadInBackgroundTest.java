package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The restore dialog reads a savepoint off the FX thread: {@code load()} returns while the read still runs (the
 * dialog says it reads), the table fills once the read ends, a failed read shows its problems, and a read overtaken
 * by a newer one is dropped. The reader is held by a latch, so nothing depends on how fast the machine is.
 */
@ExtendWith(ApplicationExtension.class)
class RestoreReadInBackgroundTest {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    static Path dir;
    private static Path savepoint;

    private static PipelineSpec pipeline() {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "keyed count",
                List.of(new OperatorSpec("numbers", null, "sequence-source", 1, null,
                                Map.of("count", 0L, "ratePerSecond", 200L)),
                        new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                        new OperatorSpec("sink", null, "discard-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.FORWARD)),
                Map.of(), true);
    }

    @BeforeAll
    static void takeASavepoint() throws Exception {
        savepoint = dir.resolve("sp");
        try (Job job = Job.start(JobConfig.of(pipeline()))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            job.triggerSavepoint(savepoint).get(20, TimeUnit.SECONDS);
        }
    }

    /** A session without a job: the dialog lists the savepoint's operators. */
    private static JobSession session() {
        return new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir.resolve("savepoints"));
    }

    @Test
    void loadReturnsWhileTheReadRuns_andTheTableFillsWhenItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch readStarted = new CountDownLatch(1);
        RestoreViewModel vm = new RestoreViewModel(session(), directory -> {
            assertThat(Platform.isFxApplicationThread()).isFalse();
            readStarted.countDown();
            await(release);
            return SavepointReader.read(directory);
        }, TaskRunner.background());

        onFx(() -> {
            vm.pathProperty().set(savepoint);
            vm.load(); // returns with the reader still held: the FX thread is not blocked
            assertThat(vm.readingProperty().get()).isTrue();
            assertThat(vm.summaryProperty().get()).isEqualTo("Reading the savepoint\u2026");
            assertThat(vm.operators()).isEmpty();
            assertThat(vm.savepointProperty().get()).isNull();
        });
        assertThat(readStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        onFx(() -> assertThat(vm.readingProperty().get()).isTrue()); // the FX thread runs on while it reads

        release.countDown();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !vm.operators().isEmpty());

        onFx(() -> {
            assertThat(vm.readingProperty().get()).isFalse();
            assertThat(vm.savepointProperty().get()).isNotNull();
            assertThat(vm.summaryProperty().get()).startsWith("savepoint #").contains("keyed count");
            assertThat(vm.operators()).extracting(OperatorRestoreRow::id).contains("count");
            assertThat(vm.problems()).isEmpty();
        });
    }

    @Test
    void aFailedRead_showsItsProblems_andAnEmptyTable() throws Exception {
        RestoreViewModel vm = new RestoreViewModel(session(), directory -> {
            throw new SavepointException(directory.getFileName() + " has no _metadata: not a savepoint");
        }, TaskRunner.background());

        onFx(() -> {
            vm.pathProperty().set(dir.resolve("nothing-here"));
            vm.load();
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !vm.problems().isEmpty());

        onFx(() -> {
            assertThat(vm.problems()).containsExactly("nothing-here has no _metadata: not a savepoint");
            assertThat(vm.readingProperty().get()).isFalse();
            assertThat(vm.summaryProperty().get()).isEmpty();
            assertThat(vm.operators()).isEmpty();
            assertThat(vm.validate()).contains("load a savepoint first");
        });
    }

    @Test
    void aReadOvertakenByANewerOne_isDropped() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstReported = new CountDownLatch(1);
        Savepoint real = SavepointReader.read(savepoint);
        Path slow = dir.resolve("slow");
        // Two workers, so the newer read can end before the older one.
        TaskRunner first = TaskRunner.background();
        TaskRunner second = TaskRunner.background();
        TaskRunner byPath = new TaskRunner() {
            private int calls;

            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                java.util.function.Consumer<Throwable> failed) {
                if (calls++ == 0) { // the older read: tell the test once the view model got its outcome
                    first.run(work, ok, failed.andThen(e -> firstReported.countDown()));
                } else {
                    second.run(work, ok, failed);
                }
            }
        };
        RestoreViewModel vm = new RestoreViewModel(session(), directory -> {
            if (directory.equals(slow)) {
                await(releaseFirst);
                throw new SavepointException("the older read's failure must not show");
            }
            return real;
        }, byPath);

        onFx(() -> {
            vm.pathProperty().set(slow);
            vm.load();
            vm.pathProperty().set(savepoint);
            vm.load();
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !vm.operators().isEmpty());
        releaseFirst.countDown();
        assertThat(firstReported.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        onFx(() -> {
            assertThat(vm.problems()).isEmpty();
            assertThat(vm.savepointProperty().get()).isSameAs(real);
        });
    }

    private static void onFx(Runnable check) throws Exception {
        WaitForAsyncUtils.asyncFx(check).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
