package org.checkpointlab.views.savepoints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.RescalePlan;

/**
 * The "Rescale via savepoint" dialog without controls: one row per operator of the running job with its current
 * parallelism, max parallelism and a new parallelism to pick (the restore dialog's {@link OperatorRestoreRow}s).
 * Every change re-checks the choice as a {@link RescalePlan}, so problems (a forward edge left between different
 * parallelism, nothing changed) show before anything is stopped; {@link #rescale()} hands the choice to the
 * main window, which stops the job with a savepoint and restarts it rescaled. FX thread only.
 */
public final class RescaleViewModel {
    /** The summary while every operator keeps its parallelism. */
    public static final String CHOOSE_HINT = Texts.get("rescale.chooseHint");

    private final PipelineSpec running;
    private final Function<Map<String, Integer>, RescalePlan> rescaler;
    private final ObservableList<OperatorRestoreRow> operators = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper feasible = new ReadOnlyBooleanWrapper(this, "feasible");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /**
     * @param running  the pipeline the running job runs ({@code JobClient.pipeline()}), or {@code null} when no job runs
     *                 (the dialog then says there is nothing to rescale)
     * @param rescaler starts the rescale and returns its plan ({@code MainViewModel::rescaleViaSavepoint})
     */
    public RescaleViewModel(PipelineSpec running, Function<Map<String, Integer>, RescalePlan> rescaler) {
        this.rescaler = Objects.requireNonNull(rescaler, "rescaler");
        this.running = running;
        if (running == null) {
            problems.add(Texts.get("rescale.noJob"));
            return;
        }
        for (OperatorSpec op : running.operators()) {
            OperatorRestoreRow row = OperatorRestoreRow.of(op.id(), op.kind(), op.parallelism(),
                    PipelineValidator.effectiveMaxParallelism(op), 0, true, op.parallelism());
            row.newParallelism().addListener((obs, o, n) -> check());
            operators.add(row);
        }
        check();
    }

    /** One row per operator; {@link OperatorRestoreRow#savedParallelism()} is the current parallelism here. */
    public ObservableList<OperatorRestoreRow> operators() {
        return operators;
    }

    /** Why the chosen parallelism cannot be applied; empty when it can. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** Whether {@link #rescale()} would start. */
    public ReadOnlyBooleanProperty feasibleProperty() {
        return feasible.getReadOnlyProperty();
    }

    /** "count 2 → 4" for the chosen changes, or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The parallelism chosen for every operator. */
    public Map<String, Integer> chosen() {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        operators.forEach(r -> chosen.put(r.id(), r.newParallelism().get()));
        return chosen;
    }

    /**
     * Starts the rescale with the chosen parallelism.
     *
     * @return whether it started; if not, {@link #problems()} says why and the job was not touched
     */
    public boolean rescale() {
        if (running == null) {
            return false;
        }
        RescalePlan plan = rescaler.apply(chosen());
        problems.setAll(plan.problems());
        return plan.feasible();
    }

    private void check() {
        RescalePlan plan = RescalePlan.of(running, chosen());
        boolean unchanged = plan.changes().isEmpty() && chosen().entrySet().stream().allMatch(e ->
                running.operator(e.getKey()).orElseThrow().parallelism() == e.getValue());
        // Nothing chosen yet is not a problem, just the starting point.
        problems.setAll(unchanged ? List.of() : plan.problems());
        feasible.set(plan.feasible());
        summary.set(unchanged ? CHOOSE_HINT : Texts.format("rescale.summary", plan.describe()));
    }

}
