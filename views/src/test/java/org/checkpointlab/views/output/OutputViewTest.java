package org.checkpointlab.views.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.panels.PanelsWindow.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.checkpointlab.views.panels.PanelsWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The Output tab on a real engine run: a bounded keyed count into a transactional sink, failed once mid-run, shows
 * what the sink committed and, after the job finished, the command line's verdict "exactly-once held". Engine work
 * runs on the session's background runner, as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class OutputViewTest {
    private static final long RECORDS = 20_000;

    @RegisterExtension
    final PanelsWindow window = PanelsWindow.withNothingOpen(TaskRunner.background(),
            () -> boundedTransactionalKeyedCount().pipeline(), 600);

    /**
     * source(2, bounded) -hash-> count(2) -forward-> sink(2, transactional), checkpoints every 50 ms; subtask 1 of
     * count fails at its 4,000th record.
     */
    private static JobConfig boundedTransactionalKeyedCount() {
        PipelineSpec p = TestPipelines.keyedCount("Bounded keyed count", new OperatorSpec("source", null,
                        "sequence-source", 2, null, Map.of("count", RECORDS, "keys", 50L, "ratePerSecond", 20_000L)),
                TestPipelines.operator("count", "keyed-count", 2), Partitioning.FORWARD,
                TestPipelines.operator("sink", "transactional-sink", 2));
        return JobConfig.of(p)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(50)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ZERO))
                // armed before the tasks start, so the failure happens mid-run however fast the machine is
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 1, 4_000)));
    }

    @Test
    void afterAFailure_aFinishedBoundedRun_showsItsCommittedCount_andExactlyOnceHeld(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            try {
                window.session().start(boundedTransactionalKeyedCount());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            window.tabs().getSelectionModel().select(window.tabs().getTabs().stream()
                    .filter(t -> t.getText().equals("Output")).findFirst().orElseThrow());
        });
        JobClient job = window.session().job();
        await("the job to finish", 60, () -> job.status() == JobStatus.FINISHED);
        Label delivery = robot.lookup(".output-delivery").queryAs(Label.class);
        await("the delivery verdict", 60, () -> delivery.getText().contains("exactly-once held"));

        assertThat(job.snapshot().restarts()).as("the injected failure restarted the job").isNotEmpty();
        assertThat(delivery.getText()).isEqualTo("sink: exactly-once held");
        assertThat(delivery.getPseudoClassStates()).contains(OutputView.pseudoClass(VerdictKind.HELD));
        TableView<SinkRow> sinks = robot.lookup(".sink-table").queryTableView();
        assertThat(sinks.getItems()).singleElement().satisfies(row -> {
            assertThat(row.committed()).isEqualTo(RECORDS);
            assertThat(row.openTransactions()).isZero();
        });
        // the table's cells follow at the next layout pulse
        await("the sink row's cells", 10, () -> cellTexts(robot).containsAll(List.of("20,000", "exactly-once held")));
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup(".sink-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }
}
