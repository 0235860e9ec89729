package org.checkpointlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.i18n.Language;
import org.checkpointlab.views.i18n.LanguagePreference;
import org.checkpointlab.views.i18n.Texts;

/**
 * View &gt; Language: remembers the chosen language and restarts the app in it, reopening the lesson or the
 * pipeline that is open (a lesson starts again at its first step, in the new language). A restart, not a rebuilt
 * window, because texts are read when classes and views are built (constants, JavaFX's own dialog buttons): a new
 * process is the one way every text is shown in the new language. The user
 * confirms first (a running job stops) and is asked about unsaved edits as on Quit. Where the running command
 * cannot be read, the choice is remembered and applies at the next start.
 */
final class LanguageRestart {
    private final LanguagePreference preference;
    private final List<String> programArguments;

    LanguageRestart(LanguagePreference preference, List<String> programArguments) {
        this.preference = preference;
        this.programArguments = List.copyOf(programArguments);
    }

    /** Asks, remembers {@code chosen}, and restarts (or says it applies at the next start). */
    void choose(Language chosen, MainViewModel viewModel, String openLesson, Window owner, Runnable shutdown) {
        ProcessHandle.Info running = ProcessHandle.current().info();
        Optional<String[]> arguments = running.arguments().or(() -> arguments(
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"),
                System.getProperty("sun.java.command")));
        Optional<List<String>> command = command(running.command().or(LanguageRestart::javaOfThisRuntime),
                arguments, programArguments, viewModel.fileProperty().get(), openLesson);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                Texts.format(command.isPresent() ? "language.switch.text" : "language.switch.nextStart",
                        chosen.nativeName()),
                new ButtonType(Texts.get(command.isPresent() ? "language.switch.restart" : "language.switch.remember"),
                        ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        confirm.setHeaderText(Texts.format("language.switch.header", chosen.nativeName()));
        confirm.initOwner(owner);
        boolean ok = confirm.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
        if (!ok) {
            return;
        }
        try {
            preference.choose(chosen);
        } catch (IOException e) {
            warn(owner, Texts.format("language.switch.notSaved", LanguagePreference.defaultStore(), e.getMessage()));
            return;
        }
        if (command.isEmpty() || !viewModel.requestClose()) {
            return;
        }
        try {
            new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            warn(owner, Texts.format("language.switch.notRestarted", e.getMessage()));
            return;
        }
        shutdown.run();
        Platform.exit();
    }

    private static void warn(Window owner, String text) {
        Alert warning = new Alert(Alert.AlertType.WARNING, text);
        warning.initOwner(owner);
        warning.show();
    }

    private static Optional<String> javaOfThisRuntime() {
        return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This JVM's arguments rebuilt from its options ({@code jvmOptions}), class path and {@code sun.java.command}
     * (the main class or jar, then the program arguments, joined by spaces), for where the system does not tell
     * them: Linux reads no more than 4 KiB of a command line, which a class path of Maven's repository exceeds, and
     * Windows never tells them. Empty when the main class is unknown.
     */
    static Optional<String[]> arguments(List<String> jvmOptions, String classPath, String javaCommand) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return Optional.empty();
        }
        List<String> mainAndArguments = List.of(javaCommand.trim().split(" "));
        List<String> all = new ArrayList<>(jvmOptions);
        if (mainAndArguments.get(0).endsWith(".jar") && mainAndArguments.get(0).equals(classPath)) {
            all.add("-jar");
        } else if (classPath != null && !classPath.isEmpty()) {
            all.add("-cp");
            all.add(classPath);
        }
        all.addAll(mainAndArguments);
        return Optional.of(all.toArray(String[]::new));
    }

    /**
     * The command that starts this app again: the same Java and JVM arguments, with the program arguments
     * ({@code programArguments}, the tail of {@code arguments}) replaced by the lesson open now ({@code --lesson
     * ID}, which opens its own pipeline) or else the pipeline open now, if any. Empty when the running command
     * cannot be read or does not end with the program arguments.
     */
    static Optional<List<String>> command(Optional<String> java, Optional<String[]> arguments,
                                          List<String> programArguments, Path openFile, String openLesson) {
        if (java.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = List.of(arguments.get());
        int start = all.size() - programArguments.size();
        if (start < 1 || !all.subList(start, all.size()).equals(programArguments)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(all.subList(0, start));
        if (openLesson != null) {
            command.add("--lesson");
            command.add(openLesson);
        } else if (openFile != null) {
            command.add(openFile.toAbsolutePath().toString());
        }
        return Optional.of(command);
    }
}
