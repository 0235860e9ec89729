package org.checkpointlab.app.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.checkpointlab.model.util.Durations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code checkpoint-lab gui [FILE] [--run] [--exit-after 30s] [--frame-report]}: opens the desktop app by handing
 * these arguments to {@code org.checkpointlab.app.DesktopLauncher.main}. The launcher is looked up at run time so
 * that the command line works in builds without the desktop app; then this command says so and exits 1.
 */
@Command(name = "gui", description = "Open the desktop app, optionally with a pipeline file.")
final class GuiCommand implements Callable<Integer> {
    static final String DESKTOP_LAUNCHER = "org.checkpointlab.app.DesktopLauncher";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A pipeline file to open.")
    private Path file;

    @Option(names = "--run", description = "Start the pipeline at once.")
    private boolean run;

    @Option(names = "--exit-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Close the app after this long (for demos and smoke tests).")
    private Duration exitAfter;

    @Option(names = "--frame-report", description = "Report frame timing when the app closes.")
    private boolean frameReport;

    @Override
    public Integer call() throws Exception {
        Method main;
        try {
            main = Class.forName(DESKTOP_LAUNCHER).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": the desktop app is not part of this build ("
                    + DESKTOP_LAUNCHER + " is missing)");
            return ExitCodes.JOB_FAILED;
        }
        try {
            main.invoke(null, (Object) launcherArguments().toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
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
        if (exitAfter != null) {
            args.add("--exit-after");
            args.add(Durations.format(exitAfter));
        }
        if (frameReport) {
            args.add("--frame-report");
        }
        return args;
    }
}
