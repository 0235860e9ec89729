package org.checkpointlab.views.flink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.TaskSlots;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.views.session.JobSession;

/**
 * The rescale-in-place dialog without controls: one row per job vertex with its parallelism now, its max
 * parallelism and the new parallelism the user picks, bounded by the max parallelism and by the cluster's free
 * task slots (read in the background when the dialog opens; every vertex of a Flink job shares slots, so the job
 * holds as many as its highest parallelism). {@link #rescale()} sends the changed vertices through the
 * {@link JobSession}, which reports the request and marks the rescale once the job runs at its new parallelism.
 * FX thread only.
 */
public final class RescaleInPlaceViewModel {
    /** Flink's highest max parallelism, the bound when a vertex's is unknown. */
    static final int FLINK_MAX_PARALLELISM = 32_768;

    /**
     * A job vertex in the dialog.
     *
     * @param highest        the highest parallelism offered: the max parallelism, lowered to what the free slots
     *                       allow once they are known
     * @param newParallelism what the user picked
     */
    public record Row(String id, String name, int parallelism, int maxParallelism, IntegerProperty highest,
                      IntegerProperty newParallelism) {
    }

    private final JobSession session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper slots = new ReadOnlyStringWrapper(this, "slots", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper requesting = new ReadOnlyBooleanWrapper(this, "requesting");

    /** For the session's running job, which must declare {@link JobClient.Capability#RESCALE_IN_PLACE}. */
    public RescaleInPlaceViewModel(JobSession session) {
        this.session = Objects.requireNonNull(session, "session");
        JobClient job = Objects.requireNonNull(session.job(), "a running job");
        for (OperatorSpec op : job.pipeline().operators()) {
            int max = op.maxParallelism() != null && op.maxParallelism() > 0 ? op.maxParallelism()
                    : FLINK_MAX_PARALLELISM;
            rows.add(new Row(op.id(), op.name(), op.parallelism(), max, new SimpleIntegerProperty(max),
                    new SimpleIntegerProperty(op.parallelism())));
        }
        slots.set(FlinkTexts.get("rescale.slots.reading"));
        session.runner().run(job::taskSlots, this::showSlots, error -> showSlots(TaskSlots.UNKNOWN));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** What the cluster's task slots allow, one line. */
    public ReadOnlyStringProperty slotsProperty() {
        return slots.getReadOnlyProperty();
    }

    /** Why the last rescale was not sent or not accepted, one line each. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** What the last rescale did. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** True while a request is under way. */
    public ReadOnlyBooleanProperty requestingProperty() {
        return requesting.getReadOnlyProperty();
    }

    private void showSlots(TaskSlots taskSlots) {
        int jobParallelism = rows.stream().mapToInt(Row::parallelism).max().orElse(1);
        for (Row row : rows) {
            row.highest().set(Math.max(row.parallelism(),
                    taskSlots.highestParallelism(jobParallelism, row.maxParallelism())));
        }
        slots.set(taskSlots.known()
                ? FlinkTexts.format("rescale.slots", taskSlots.available(), taskSlots.total(),
                        jobParallelism + taskSlots.available(), jobParallelism)
                : FlinkTexts.get("rescale.slots.unknown"));
    }

    /** The vertices whose new parallelism differs from their current one, in the job's order. */
    public Map<String, Integer> changes() {
        Map<String, Integer> changes = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.newParallelism().get() != row.parallelism()) {
                changes.put(row.id(), row.newParallelism().get());
            }
        }
        return changes;
    }

    /** Problems of the parallelism chosen; empty when the rescale can be asked. */
    public List<String> validate() {
        List<String> found = new ArrayList<>();
        for (Row row : rows) {
            int p = row.newParallelism().get();
            if (p < 1 || p > row.highest().get()) {
                found.add(FlinkTexts.format("rescale.outOfRange", row.name(), row.highest().get(), p));
            }
        }
        if (found.isEmpty() && changes().isEmpty()) {
            found.add(FlinkTexts.get("rescale.nothing"));
        }
        return found;
    }

    /** Asks the cluster for the new parallelism; the outcome line and {@link #problems()} say what happened. */
    public void rescale() {
        List<String> found = validate();
        problems.setAll(found);
        outcome.set("");
        if (!found.isEmpty()) {
            return;
        }
        Map<String, Integer> changes = changes();
        requesting.set(true);
        session.rescaleInPlace(changes, () -> {
            requesting.set(false);
            outcome.set(FlinkTexts.get("rescale.requested"));
        }, refused -> {
            requesting.set(false);
            problems.setAll(refused);
        });
    }
}
