package org.checkpointlab.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.checkpointlab.app.DesktopLauncher;
import org.checkpointlab.model.util.Durations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code checkpoint-lab gui [FILE] [--run] [--speed 0.01] [--exit-after 30s] [--frame-report] [--lesson NAME]
 * [--balance smooth|balanced|engine-first]}: opens the desktop app by handing
 * these arguments to {@link DesktopLauncher#main}, which returns when the app has closed.
 */
@Command(name = "gui", description = "Open the desktop app, optionally with a pipeline file.")
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A pipeline file to open.")
    private Path file;

    @Option(names = "--run", description = "Start the pipeline at once.")
    private boolean run;

    @Option(names = "--speed", paramLabel = "X",
            description = "Slow motion: 0.001 (human speed) to 1 (full speed, the default).")
    private Double speed;

    @Option(names = "--exit-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Close the app after this long (for demos and smoke tests).")
    private Duration exitAfter;

    @Option(names = "--frame-report", description = "Report frame timing when the app closes.")
    private boolean frameReport;

    @Option(names = "--lesson", paramLabel = "NAME",
            description = "Open a lesson (Help > Lessons), e.g. checkpoints-and-recovery.")
    private String lesson;

    @Option(names = "--balance", paramLabel = "BALANCE",
            description = "The live view's balance for this run: smooth, balanced or engine-first "
                    + "(default: the one chosen in View > Live view balance, else balanced).")
    private String balance;

    @Override
    public Integer call() {
        DesktopLauncher.main(launcherArguments().toArray(new String[0]));
        return ExitCodes.OK;
    }

    /** The arguments as the desktop launcher reads them (the same spelling as on this command line). */
    List<String> launcherArguments() {
        List<String> args = new ArrayList<>();
        if (file != null) {
            args.add(file.toString());
        }
        if (run) {
            args.add("--run");
        }
        addGiven(args, "--speed", speed == null ? null : Double.toString(speed));
        addGiven(args, "--exit-after", exitAfter == null ? null : Durations.format(exitAfter));
        if (frameReport) {
            args.add("--frame-report");
        }
        addGiven(args, "--lesson", lesson);
        addGiven(args, "--balance", balance);
        return args;
    }

    /** Adds {@code flag value} when the value is given. */
    private static void addGiven(List<String> args, String flag, String value) {
        if (value != null) {
            args.add(flag);
            args.add(value);
        }
    }
}
