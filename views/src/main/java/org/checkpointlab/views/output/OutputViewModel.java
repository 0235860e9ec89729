package org.checkpointlab.views.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.observe.SinkOutputSnapshot.CommittedRecord;
import org.checkpointlab.model.observe.SinkOutputSnapshot.OpenTransaction;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.TaskRunner;

/**
 * State of the Output view: what each sink of the current job made visible (committed records and their digest),
 * the transactions it holds open (pre-committed at a checkpoint's barrier, committed when that checkpoint
 * completes), its last committed records, and, once the job has ended, the command line's delivery verdict
 * ("exactly-once held", "N duplicates", "N records lost", or why it cannot be known).
 *
 * <p>Updated from each published {@link JobSnapshot} (the panels' rate; it polls nothing itself): each update asks
 * the job for its {@linkplain JobClient#sinkOutputs sink outputs}, which costs the records shown, not the output's
 * size. The delivery check runs a reference job, so it goes through the {@link TaskRunner}, once per job, when a
 * snapshot first shows the job ended. FX thread only.
 */
public final class OutputViewModel {
    /** How many of the last committed records the view lists. */
    public static final int RECENT_RECORDS = 20;

    private final ObservableValue<JobClient> job;
    private final TaskRunner runner;
    private final ObservableList<SinkRow> sinks = FXCollections.observableArrayList();
    private final ObservableList<OpenTransaction> openTransactions = FXCollections.observableArrayList();
    private final ObservableList<CommittedRecord> recentRecords = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper delivery = new ReadOnlyStringWrapper(this, "delivery", "");
    private final ReadOnlyObjectWrapper<VerdictKind> deliveryKind =
            new ReadOnlyObjectWrapper<>(this, "deliveryKind", VerdictKind.PENDING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private List<SinkOutputSnapshot> outputs = List.of();
    private String selectedSink;
    /** The job whose verdicts are below; they are dropped when another job is shown. */
    private JobClient checkedJob;
    private boolean checkRequested;
    private Map<String, DeliveryCheck.SinkDelivery> verdicts = Map.of();
    private String checkFailure;
    /** Every deployment of the pipeline whose outputs the verdict covers (a rescale in the middle included). */
    private final DeploymentChain chain = new DeploymentChain();
    /** How many deployments the verdicts below cover. */
    private int checkedDeployments = 1;

    /**
     * @param snapshots the published snapshots ({@code JobSession.snapshotProperty()})
     * @param job       the current job ({@code JobSession.jobProperty()})
     * @param runner    where the blocking delivery check runs
     */
    public OutputViewModel(ObservableValue<JobSnapshot> snapshots, ObservableValue<JobClient> job,
                           TaskRunner runner) {
        this.job = Objects.requireNonNull(job, "job");
        this.runner = Objects.requireNonNull(runner, "runner");
        snapshots.addListener((obs, old, s) -> update(s));
        // The last snapshot belongs to the job before; the new one is asked for its own status.
        job.addListener((obs, old, now) -> update(null));
        update(snapshots.getValue());
    }

    /** One row per sink with an output, in pipeline order. */
    public ObservableList<SinkRow> sinks() {
        return sinks;
    }

    /** The selected sink's open (pre-committed, not yet committed) transactions, by subtask then checkpoint. */
    public ObservableList<OpenTransaction> openTransactions() {
        return openTransactions;
    }

    /** The selected sink's last committed records, newest first. */
    public ObservableList<CommittedRecord> recentRecords() {
        return recentRecords;
    }

    /** One line on delivery over all sinks: the verdicts once the job ended, else what they wait for. */
    public ReadOnlyStringProperty deliveryProperty() {
        return delivery.getReadOnlyProperty();
    }

    /**
     * The delivery line's overall standing: VIOLATED if any sink lost or duplicated records, HELD if every sink held
     * exactly-once, else CHECKING, PENDING or NOT_COMPUTABLE.
     */
    public ReadOnlyObjectProperty<VerdictKind> deliveryKindProperty() {
        return deliveryKind.getReadOnlyProperty();
    }

    /** Why nothing is shown (no job, no sink with an output, an engine that cannot show it); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The sink whose transactions and records are listed; {@code null} for the first one. */
    public String selectedSink() {
        return selectedSink;
    }

    /** Lists {@code sinkId}'s open transactions and recent records (ignored when it has no output). */
    public void select(String sinkId) {
        if (sinkId != null && !sinkId.equals(selectedSink)) {
            selectedSink = sinkId;
            showSelected();
        }
    }

    private void update(JobSnapshot snapshot) {
        JobClient current = job.getValue();
        if (current != checkedJob) {
            checkedJob = current;
            chain.follow(current);
            checkRequested = false;
            verdicts = Map.of();
            checkFailure = null;
        }
        if (current == null) {
            show(List.of(), Texts.get("output.noJob"));
            return;
        }
        if (!current.supports(JobClient.Capability.SINK_OUTPUT)) {
            show(List.of(), Texts.get("output.notShown"));
            return;
        }
        List<SinkOutputSnapshot> now = current.sinkOutputs(RECENT_RECORDS);
        show(now, now.isEmpty() ? Texts.get("output.noSinkOutputYet") : "");
        JobStatus status = snapshot != null ? snapshot.status() : current.status();
        if (status.isTerminal() && !checkRequested && current.supports(JobClient.Capability.DELIVERY_CHECK)) {
            checkRequested = true;
            showRows();
            List<JobClient> earlier = chain.earlier();
            checkedDeployments = earlier.size() + 1;
            runner.run(() -> current.checkDelivery(earlier), result -> verdictsArrived(current, result),
                    failure -> checkFailed(current, failure));
        }
    }

    private void verdictsArrived(JobClient checked, List<DeliveryCheck.SinkDelivery> result) {
        if (checked != checkedJob) {
            return;
        }
        Map<String, DeliveryCheck.SinkDelivery> byId = new HashMap<>();
        result.forEach(d -> byId.put(d.sinkId(), d));
        verdicts = Map.copyOf(byId);
        show(checked.supports(JobClient.Capability.SINK_OUTPUT) ? checked.sinkOutputs(RECENT_RECORDS) : outputs,
                message.get());
    }

    private void checkFailed(JobClient checked, Throwable failure) {
        if (checked == checkedJob) {
            checkFailure = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            showRows();
        }
    }

    private void show(List<SinkOutputSnapshot> now, String why) {
        message.set(why);
        outputs = now;
        showRows();
        showSelected();
    }

    private void showRows() {
        List<SinkRow> rows = new ArrayList<>(outputs.size());
        List<String> lines = new ArrayList<>();
        for (SinkOutputSnapshot out : outputs) {
            SinkRow row = row(out);
            rows.add(row);
            lines.add(out.sinkId() + ": " + row.verdict());
        }
        if (sameSinks(rows)) {
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(sinks.get(i))) {
                    sinks.set(i, rows.get(i)); // in place, so the table keeps its selection
                }
            }
        } else {
            sinks.setAll(rows);
        }
        String over = checkedDeployments > 1 && !verdicts.isEmpty()
                ? " " + Texts.format("output.deploymentsTogether", checkedDeployments) : "";
        delivery.set(checkFailure != null ? Texts.format("output.checkFailed", checkFailure)
                : String.join("; ", lines) + (lines.isEmpty() ? "" : over));
        deliveryKind.set(checkFailure != null ? VerdictKind.NOT_COMPUTABLE : overall(rows));
    }

    private boolean sameSinks(List<SinkRow> rows) {
        if (rows.size() != sinks.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).sinkId().equals(sinks.get(i).sinkId())) {
                return false;
            }
        }
        return true;
    }

    private static VerdictKind overall(List<SinkRow> rows) {
        if (rows.isEmpty()) {
            return VerdictKind.PENDING;
        }
        for (VerdictKind k : List.of(VerdictKind.VIOLATED, VerdictKind.CHECKING, VerdictKind.PENDING,
                VerdictKind.NOT_COMPUTABLE)) {
            if (rows.stream().anyMatch(r -> r.verdictKind() == k)) {
                return k;
            }
        }
        return VerdictKind.HELD;
    }

    private SinkRow row(SinkOutputSnapshot out) {
        DeliveryCheck.SinkDelivery d = verdicts.get(out.sinkId());
        String verdict;
        VerdictKind kind;
        if (d != null) {
            verdict = VerdictTexts.of(d.assessment());
            kind = !d.computable() ? VerdictKind.NOT_COMPUTABLE : d.exactlyOnce() ? VerdictKind.HELD
                    : VerdictKind.VIOLATED;
        } else if (checkRequested && checkFailure == null) {
            verdict = Texts.get("output.checking");
            kind = VerdictKind.CHECKING;
        } else if (checkFailure != null) {
            verdict = Texts.get("output.notChecked");
            kind = VerdictKind.NOT_COMPUTABLE;
        } else {
            // An unbounded run never ends at the end of its input: say so now, and how to get a verdict.
            var never = checkedJob == null ? java.util.Optional.<DeliveryVerdict.NotComputable>empty()
                    : checkedJob.deliveryNotComputableReason(chain.size() > 1);
            verdict = never.map(why -> Texts.format("output.noVerdict", VerdictTexts.why(why)))
                    .orElse(Texts.get("output.checkedAtEnd"));
            kind = never.isPresent() ? VerdictKind.NOT_COMPUTABLE : VerdictKind.PENDING;
        }
        return new SinkRow(out.sinkId(), out.kind(), out.committed(), out.digest(), out.openTransactions().size(),
                out.pendingRecords(), verdict, kind);
    }

    private void showSelected() {
        SinkOutputSnapshot chosen = outputs.stream().filter(o -> o.sinkId().equals(selectedSink)).findFirst()
                .orElse(outputs.isEmpty() ? null : outputs.get(0));
        List<OpenTransaction> open = chosen == null ? List.of() : chosen.openTransactions();
        List<CommittedRecord> recent = chosen == null ? List.of() : reversed(chosen.recent());
        if (!open.equals(openTransactions)) {
            openTransactions.setAll(open);
        }
        if (!recent.equals(recentRecords)) {
            recentRecords.setAll(recent);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
