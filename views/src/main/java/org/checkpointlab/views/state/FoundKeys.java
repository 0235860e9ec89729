package org.checkpointlab.views.state;

import java.util.Objects;
import java.util.function.Consumer;
import org.checkpointlab.model.lesson.KeyFound;
import org.checkpointlab.model.savepoint.KeyLocation;

/**
 * Reports the keys a State view finds, as the engine-neutral fact a lesson step waits for ({@link KeyFound}). A view
 * that follows the running job looks the last key up again at every completed checkpoint; the same finding is
 * reported once, a changed one (another subtask after a rescale) again.
 */
public final class FoundKeys {
    private FoundKeys() {
    }

    /** Reports every key {@code viewModel} finds to {@code listener}, on the FX thread. */
    public static void report(StateViewModel viewModel, Consumer<KeyFound> listener) {
        Objects.requireNonNull(listener, "listener");
        KeyFound[] last = {null};
        viewModel.foundProperty().addListener((obs, old, location) -> {
            if (location == null) {
                return;
            }
            KeyFound fact = of(location, viewModel.liveProperty().get());
            if (!fact.equals(last[0])) {
                last[0] = fact;
                listener.accept(fact);
            }
        });
    }

    /** The fact of {@code location}: at the parallelism asked about when one was, else at the state's own. */
    public static KeyFound of(KeyLocation location, boolean runningJob) {
        boolean asked = location.newParallelism() != null;
        return new KeyFound(location.operatorId(), String.valueOf(location.key()), location.keyGroup(),
                asked ? location.newParallelism() : location.savedParallelism(),
                asked ? location.newSubtask() : location.savedSubtask(), location.savedParallelism(), runningJob);
    }
}
