package org.checkpointlab.app.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one daemon thread a command's reporter runs on, so that it never keeps the JVM alive. */
final class DaemonTimer {
    private DaemonTimer() {
    }

    /** A scheduler on one daemon thread named {@code threadName}. */
    static ScheduledExecutorService start(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}
