package org.checkpointlab.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.checkpointlab.model.util.Durations;
import org.checkpointlab.views.live.LiveViewBalance;

/**
 * The desktop app's program arguments:
 * {@code [FILE] [--run] [--speed X] [--exit-after DURATION] [--frame-report] [--lesson NAME]
 * [--balance smooth|balanced|engine-first]}.
 *
 * @param file        pipeline file to open, or {@code null} for the default sample
 * @param run         start the job at once
 * @param speed       slow motion, from {@value #MIN_SPEED} (human speed) to 1 (full speed)
 * @param exitAfter   close the app after this long, or {@code null} to stay open
 * @param frameReport print frame-time percentiles and the engine's throughput on stdout at exit
 * @param lesson      the lesson to open (its name in Help &gt; Lessons, e.g. {@code checkpoints-and-recovery}), or null
 * @param balance     the live view balance for this run (not remembered), or null for the one chosen in View
 */
public record LaunchOptions(Path file, boolean run, double speed, Duration exitAfter, boolean frameReport,
                            String lesson, LiveViewBalance balance) {
    public static final String USAGE = "usage: checkpoint-lab gui [FILE] [--run] [--speed 0.01] [--exit-after 30s] "
            + "[--frame-report] [--lesson NAME] [--balance " + LiveViewBalance.names() + "]";
    /** The slowest speed on offer (the live view's human speed). */
    public static final double MIN_SPEED = 0.001;

    /** The balance chosen in View. */
    public LaunchOptions(Path file, boolean run, double speed, Duration exitAfter, boolean frameReport,
                         String lesson) {
        this(file, run, speed, exitAfter, frameReport, lesson, null);
    }

    /** No lesson. */
    public LaunchOptions(Path file, boolean run, double speed, Duration exitAfter, boolean frameReport) {
        this(file, run, speed, exitAfter, frameReport, null);
    }

    /** Full speed. */
    public LaunchOptions(Path file, boolean run, Duration exitAfter, boolean frameReport) {
        this(file, run, 1.0, exitAfter, frameReport);
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the argument that is wrong, with the usage
     */
    public static LaunchOptions parse(List<String> args) {
        Path file = null;
        boolean run = false;
        Duration exitAfter = null;
        boolean frameReport = false;
        double speed = 1.0;
        String lesson = null;
        LiveViewBalance balance = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--run" -> run = true;
                case "--frame-report" -> frameReport = true;
                case "--speed" -> {
                    String value = valueAt(args, ++i, "--speed needs a factor, e.g. 0.01");
                    try {
                        speed = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--speed " + value + ": not a number\n" + USAGE, e);
                    }
                    if (!(speed >= MIN_SPEED && speed <= 1)) {
                        throw new IllegalArgumentException("--speed must be between " + MIN_SPEED
                                + " (human speed) and 1 (full speed), was " + value + "\n" + USAGE);
                    }
                }
                case "--lesson" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new IllegalArgumentException("--lesson needs a lesson's name, e.g. "
                                + "checkpoints-and-recovery\n" + USAGE);
                    }
                    lesson = args.get(++i);
                }
                case "--balance" -> {
                    String value = valueAt(args, ++i, "--balance needs one of " + LiveViewBalance.names());
                    try {
                        balance = LiveViewBalance.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--balance: " + e.getMessage() + "\n" + USAGE, e);
                    }
                }
                case "--exit-after" -> {
                    String value = valueAt(args, ++i, "--exit-after needs a duration, e.g. 30s");
                    try {
                        exitAfter = Durations.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--exit-after " + value + ": " + e.getMessage() + "\n"
                                + USAGE, e);
                    }
                    if (exitAfter.isNegative() || exitAfter.isZero()) {
                        throw new IllegalArgumentException("--exit-after must be positive, was " + value + "\n"
                                + USAGE);
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("only one pipeline file, got " + file + " and " + arg
                                + "\n" + USAGE);
                    }
                    file = Path.of(arg);
                }
            }
        }
        return new LaunchOptions(file, run, speed, exitAfter, frameReport, lesson, balance);
    }

    /** An option's value, at {@code i}; {@code missing} (with the usage) when the arguments end before it. */
    private static String valueAt(List<String> args, int i, String missing) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(missing + "\n" + USAGE);
        }
        return args.get(i);
    }
}
