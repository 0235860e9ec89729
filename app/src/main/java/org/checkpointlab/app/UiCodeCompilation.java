package org.checkpointlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) off the desktop app's user-interface code, so that its time goes to the
 * engine's subtasks.
 *
 * <p>While a big job runs at full speed the view samples the engine a few times a second. At that rate the UI code
 * (JavaFX's CSS, layout, canvas and software renderer, JFreeChart, this project's views) keeps crossing C2's
 * thresholds for minutes, and C2 spent more CPU compiling it than the UI spent running it: about 0.16 of a core on
 * a 2-core machine, taken from the subtasks. With this directive that code is compiled by C1 alone, which is quick to compile and fast
 * enough for code that runs a few times a second; the engine's code is compiled by C2 as before. The directive is
 * added at run time through the JVM's diagnostic command MBean (HotSpot's {@code Compiler.directives_add}), so it
 * holds however the app is started; a JVM without that command runs the app unchanged.
 *
 * <p>{@code -Dcheckpointlab.view.c2=true} leaves the UI code to C2, to compare.
 *
 * <p>The same packages get lower compile thresholds from {@value #COMMAND_FILE} (a JVM start option, which
 * {@code ./checkpoint-lab} and {@code javafx:run} pass; directives cannot change thresholds): code run about once a
 * second would otherwise stay in the interpreter for minutes. {@link #thresholds()} says whether that holds.
 */
final class UiCodeCompilation {
    /** The packages whose methods C2 does not compile, as compiler-directive patterns. */
    static final List<String> UI_CODE = List.of(
            "javafx/*.*", "com/sun/javafx/*.*", "com/sun/prism/*.*", "com/sun/marlin/*.*", "com/sun/glass/*.*",
            "com/sun/scenario/*.*", "com/sun/pisces/*.*", "org/jfree/*.*", "org/checkpointlab/views/*.*");
    /** The compile-command file that lowers the UI code's compile thresholds (in {@code app/}). */
    static final String COMMAND_FILE = "ui-compile-commands.txt";
    /** System property that keeps C2 on the UI code when {@code true}. */
    static final String KEEP_C2 = "checkpointlab.view.c2";

    private static String state;

    private UiCodeCompilation() {
    }

    /**
     * Adds the directive once per JVM, unless {@value #KEEP_C2} is {@code true}; returns what holds now, as the
     * frame report prints it.
     */
    static synchronized String apply() {
        if (state == null) {
            state = Boolean.getBoolean(KEEP_C2) ? "UI code: compiled by C1 and C2 (" + KEEP_C2 + "=true)"
                    : addDirective();
        }
        return state;
    }

    /**
     * Whether the JVM was started with the UI code's compile thresholds ({@code app/ui-compile-commands.txt}, which
     * the launcher and {@code javafx:run} pass), as the frame report prints it.
     */
    static String thresholds(List<String> jvmArguments) {
        return jvmArguments.stream().filter(a -> a.startsWith("-XX:CompileCommandFile=")).reduce((a, b) -> b)
                .filter(a -> a.endsWith(COMMAND_FILE))
                .map(a -> "UI code: compiled after 1/20 of the usual invocations (" + COMMAND_FILE + ")")
                .orElse("UI code: compiled at the usual thresholds (the JVM was started without " + COMMAND_FILE
                        + ")");
    }

    /** {@link #thresholds(List)} of this JVM. */
    static String thresholds() {
        return thresholds(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The directive: C2 excludes every method of {@link #UI_CODE}; C1 compiles them as usual. */
    static String directiveJson() {
        String patterns = UI_CODE.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        return "[ { match: [" + patterns + "], c2: { Exclude: true } } ]\n";
    }

    private static String addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("checkpoint-lab-ui-code", ".json");
            Files.writeString(file, directiveJson(), StandardCharsets.UTF_8);
            Object answer = diagnosticCommand("compilerDirectivesAdd", file.toString());
            String text = String.valueOf(answer).strip();
            return text.contains("added") ? "UI code: compiled by C1 only (C2 is kept for the engine)"
                    : "UI code: compiled by C1 and C2 (the JVM refused the directive: " + text + ")";
        } catch (IOException | JMException | RuntimeException e) {
            return "UI code: compiled by C1 and C2 (this JVM takes no compiler directives: " + e + ")";
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Runs one of HotSpot's diagnostic commands (e.g. {@code compilerDirectivesPrint}) and returns its output. */
    static Object diagnosticCommand(String operation, String... arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
