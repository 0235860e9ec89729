package org.checkpointlab.views.session;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobSnapshot;

/**
 * Pause and slow motion of the session's jobs. They are kept here, not in a job, so that each job the session starts
 * gets them; a change is told to the current job where its engine can do it, and the pause follows the engine when
 * it paused or resumed on its own (a step ended). FX thread only.
 */
final class PauseAndSpeed {
    private final Supplier<JobClient> job;
    private final BooleanProperty paused;
    private final DoubleProperty speed;
    /** True while the paused property follows the engine (a step ended), which must not be told back. */
    private boolean followingEngine;

    /**
     * @param bean the properties' bean (the session)
     * @param job  the current job, or {@code null}
     */
    PauseAndSpeed(Object bean, Supplier<JobClient> job) {
        this.job = job;
        this.paused = new SimpleBooleanProperty(bean, "paused");
        this.speed = new SimpleDoubleProperty(bean, "speed", 1.0);
        speed.addListener((obs, old, now) -> {
            JobClient current = job.get();
            if (current != null && current.supports(JobClient.Capability.SLOW_MOTION)) {
                current.setSpeed(clampSpeed(now.doubleValue()));
            }
        });
        paused.addListener((obs, old, now) -> {
            JobClient current = job.get();
            if (current != null && !followingEngine && current.supports(JobClient.Capability.PAUSE_AND_STEP)) {
                current.setPaused(now);
            }
        });
    }

    BooleanProperty pausedProperty() {
        return paused;
    }

    DoubleProperty speedProperty() {
        return speed;
    }

    /** Gives a job about to be shown the session's speed and pause (an engine that cannot pause: not paused). */
    void applyTo(JobClient next) {
        if (next.supports(JobClient.Capability.SLOW_MOTION)) {
            next.setSpeed(clampSpeed(speed.get()));
        }
        if (next.supports(JobClient.Capability.PAUSE_AND_STEP)) {
            next.setPaused(paused.get());
        } else {
            paused.set(false);
        }
    }

    /** The engine paused or resumed on its own (a step ended): follow it without telling it again. */
    void followEnginePause(JobSnapshot s) {
        if (paused.get() != s.paused()) {
            followingEngine = true;
            try {
                paused.set(s.paused());
            } finally {
                followingEngine = false;
            }
        }
    }

    static double clampSpeed(double value) {
        return Math.max(JobSession.MIN_SPEED, Math.min(1, value));
    }
}
