package org.checkpointlab.model.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Runs subtask threads at the lowest scheduling priority, so that everything else in the process (the checkpoint
 * coordinator, the desktop app's UI thread and renderer) gets a core as soon as it needs one, and the subtasks
 * share the rest.
 *
 * <p>All subtask threads get the same priority, so among themselves they share the cores exactly as before; only
 * threads that are not subtasks go first. This matters when a job has many more busy subtasks than the machine
 * has cores (80 on 2 cores): at equal priority the OS would give a UI thread one 81st of a core, and a frame
 * that needs 5 ms of CPU would take half a second.
 *
 * <p>On Linux the thread's nice value is raised to {@value #NICE} ({@code setpriority} on the thread's id, which
 * needs no privilege); Java's own thread priorities are ignored there unless the JVM runs with special flags.
 * Elsewhere it sets {@link Thread#MIN_PRIORITY}, which Windows and macOS honour.
 */
public final class SubtaskThreadPriority {
    /** The nice value of subtask threads on Linux: the lowest priority. */
    public static final int NICE = 19;

    private static final int PRIO_PROCESS = 0;

    /** glibc's calls; on Linux {@code setpriority(PRIO_PROCESS, tid, n)} applies to that one thread. */
    private interface CLibrary extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    private static final CLibrary LIBC = loadLibc();

    private SubtaskThreadPriority() {
    }

    private static CLibrary loadLibc() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            CLibrary libc = Native.load("c", CLibrary.class);
            libc.gettid(); // glibc 2.30 or later; older ones fail here and get Java priorities instead
            return libc;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Lowers the priority of the calling thread; call it first thing on a subtask thread. */
    public static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (LIBC != null) {
            try {
                LIBC.setpriority(PRIO_PROCESS, LIBC.gettid(), NICE);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                // Priority is an optimisation for watching a job; a job runs correctly without it.
            }
        }
    }

    /** The calling thread's nice value on Linux, or empty where it cannot be read. */
    public static java.util.OptionalInt currentNice() {
        if (LIBC == null) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(LIBC.getpriority(PRIO_PROCESS, LIBC.gettid()));
    }
}
