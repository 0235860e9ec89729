package org.checkpointlab.views.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.DeliveryCheck.SinkDelivery;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.observe.SinkOutputSnapshot.CommittedRecord;
import org.checkpointlab.model.observe.SinkOutputSnapshot.OpenTransaction;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;

/** The Output view's state on a fake job: sink rows, open transactions, recent records and the delivery verdict. */
class OutputViewModelTest {
    private final SimpleObjectProperty<JobSnapshot> snapshots = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<JobClient> job = new SimpleObjectProperty<>();
    private final HeldRunner runner = new HeldRunner();
    private final OutputViewModel viewModel = new OutputViewModel(snapshots, job, runner);
    private final FakeJobClient client = FakeJobClient.of(TestPipelines.wordCount());

    /** Holds submitted work until the test runs it, as the background runner does until its thread gets to it. */
    private static final class HeldRunner implements TaskRunner {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> TaskRunner.sameThread().run(work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = List.copyOf(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }

    private void publish(JobStatus status) {
        client.status = status;
        snapshots.set(client.snapshot());
    }

    private static SinkOutputSnapshot sink(String id, long committed, List<CommittedRecord> recent,
                                           OpenTransaction... open) {
        return new SinkOutputSnapshot(id, "transactional-sink", committed, String.format("%016x", committed),
                recent, List.of(open));
    }

    /** The delivery check of a transactional sink that committed {@code records} records, each exactly once. */
    private static SinkDelivery exactlyOnce(String id, long records) {
        return new SinkDelivery(id, "transactional-sink", records, records, 0, 0, DeliveryVerdict.compared(0, 0));
    }

    /** The job finishes with one transactional sink, "sink", that committed {@code records} records exactly once. */
    private void finishesWithOneSink(long records) {
        client.sinkOutputs.add(sink("sink", records, List.of()));
        client.delivery.add(exactlyOnce("sink", records));
        job.set(client);
        publish(JobStatus.FINISHED);
    }

    @Test
    void withoutAJob_saysToPressRun() {
        assertThat(viewModel.sinks()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("No job yet: press Run to see what its sinks commit.");
    }

    @Test
    void aRunningJob_showsEachSinksCommittedOutputAndOpenTransactions_andWaitsForTheEndToCheck() {
        client.sinkOutputs.add(sink("sink", 3, List.of(new CommittedRecord("a", "1"), new CommittedRecord("b", "1"),
                new CommittedRecord("a", "2")), new OpenTransaction(0, "s0-c4", 4, 7),
                new OpenTransaction(1, "s1-c4", 4, 5)));
        job.set(client);
        publish(JobStatus.RUNNING);

        assertThat(viewModel.sinks()).containsExactly(new SinkRow("sink", "transactional-sink", 3,
                "0000000000000003", 2, 12, "checked when the job ends", VerdictKind.PENDING));
        assertThat(viewModel.openTransactions()).extracting(OpenTransaction::subtask).containsExactly(0, 1);
        assertThat(viewModel.recentRecords()).containsExactly(new CommittedRecord("a", "2"),
                new CommittedRecord("b", "1"), new CommittedRecord("a", "1"));
        assertThat(viewModel.deliveryProperty().get()).isEqualTo("sink: checked when the job ends");
        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(client.commands).doesNotContain("check delivery");
    }

    @Test
    void whenTheJobFinishes_theDeliveryCheckRunsOnceOffTheCaller_andItsVerdictIsShown() {
        finishesWithOneSink(100);

        assertThat(runner.pending).hasSize(1);
        assertThat(viewModel.sinks().get(0).verdictKind()).isEqualTo(VerdictKind.CHECKING);
        assertThat(viewModel.deliveryKindProperty().get()).isEqualTo(VerdictKind.CHECKING);

        publish(JobStatus.FINISHED);
        assertThat(runner.pending).as("one check per job").hasSize(1);

        runner.runAll();

        assertThat(client.commands).containsOnlyOnce("check delivery");
        assertThat(viewModel.sinks().get(0).verdict()).isEqualTo("exactly-once held");
        assertThat(viewModel.deliveryProperty().get()).isEqualTo("sink: exactly-once held");
        assertThat(viewModel.deliveryKindProperty().get()).isEqualTo(VerdictKind.HELD);
    }

    @Test
    void duplicatesOnOneSink_makeTheDeliveryLineAViolation() {
        client.sinkOutputs.add(sink("exact", 10, List.of()));
        client.sinkOutputs.add(sink("collect", 12, List.of()));
        client.delivery.add(exactlyOnce("exact", 10));
        client.delivery.add(new SinkDelivery("collect", "collect-sink", 12, 10, 2, 0,
                DeliveryVerdict.compared(2, 0)));
        job.set(client);
        publish(JobStatus.FINISHED);
        runner.runAll();

        assertThat(viewModel.sinks()).extracting(SinkRow::verdictKind)
                .containsExactly(VerdictKind.HELD, VerdictKind.VIOLATED);
        assertThat(viewModel.deliveryProperty().get())
                .isEqualTo("exact: exactly-once held; collect: at-least-once: 2 duplicates, nothing lost");
        assertThat(viewModel.deliveryKindProperty().get()).isEqualTo(VerdictKind.VIOLATED);
    }

    @Test
    void selectingASink_listsItsTransactionsAndRecords() {
        client.sinkOutputs.add(sink("one", 1, List.of(new CommittedRecord("a", "1"))));
        client.sinkOutputs.add(sink("two", 1, List.of(new CommittedRecord("z", "9")),
                new OpenTransaction(2, "s2-c7", 7, 3)));
        job.set(client);
        publish(JobStatus.RUNNING);
        assertThat(viewModel.recentRecords()).containsExactly(new CommittedRecord("a", "1"));

        viewModel.select("two");

        assertThat(viewModel.recentRecords()).containsExactly(new CommittedRecord("z", "9"));
        assertThat(viewModel.openTransactions()).containsExactly(new OpenTransaction(2, "s2-c7", 7, 3));
    }

    @Test
    void aVerdictForAReplacedJob_isDropped_andTheNewJobStartsClean() {
        finishesWithOneSink(5);

        FakeJobClient next = FakeJobClient.of(TestPipelines.wordCount());
        next.sinkOutputs.add(sink("sink", 0, List.of()));
        job.set(next);
        runner.runAll();

        assertThat(viewModel.sinks()).singleElement().satisfies(r -> {
            assertThat(r.committed()).isZero();
            assertThat(r.verdictKind()).isEqualTo(VerdictKind.PENDING);
        });
    }

    @Test
    void anEngineWithoutSinkOutput_saysSo_andIsNeverAsked() {
        FakeJobClient limited = new FakeJobClient(JobConfig.of(TestPipelines.wordCount()),
                EnumSet.of(JobClient.Capability.FAILURE_INJECTION));
        job.set(limited);
        snapshots.set(limited.snapshot());

        assertThat(viewModel.sinks()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("This engine does not show sink output.");
    }
}
