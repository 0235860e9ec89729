package org.checkpointlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageRestartTest {
    private static final Optional<String> JAVA = Optional.of("/jdk/bin/java");

    @Test
    void restart_keepsJavaAndItsArguments_andOpensThePipelineOpenNow() {
        String[] running = {"-Xmx1g", "-cp", "a.jar:b.jar", "org.checkpointlab.app.DesktopLauncher",
                "samples/word-count.json", "--run"};

        Optional<List<String>> command = LanguageRestart.command(JAVA, Optional.of(running),
                List.of("samples/word-count.json", "--run"), Path.of("/home/u/job.json"), null);

        assertThat(command).contains(List.of("/jdk/bin/java", "-Xmx1g", "-cp", "a.jar:b.jar",
                "org.checkpointlab.app.DesktopLauncher", "/home/u/job.json"));
    }

    @Test
    void anOpenLesson_isOpenedAgain_insteadOfItsPipeline() {
        String[] running = {"-cp", "a.jar", "org.checkpointlab.app.DesktopLauncher", "--lesson", "barrier-alignment"};

        Optional<List<String>> command = LanguageRestart.command(JAVA, Optional.of(running),
                List.of("--lesson", "barrier-alignment"), Path.of("/tmp/lessons/unaligned.json"), "unaligned");

        assertThat(command).contains(List.of("/jdk/bin/java", "-cp", "a.jar", "org.checkpointlab.app.DesktopLauncher",
                "--lesson", "unaligned"));
    }

    @Test
    void nothingOpen_startsWithoutAFile() {
        String[] running = {"-cp", "a.jar", "org.checkpointlab.app.Main", "gui"};

        assertThat(LanguageRestart.command(JAVA, Optional.of(running), List.of(), null, null))
                .contains(List.of("/jdk/bin/java", "-cp", "a.jar", "org.checkpointlab.app.Main", "gui"));
    }

    @Test
    void aCommandLineTheSystemDoesNotTell_isRebuiltFromTheJvmOptionsClassPathAndMainClass() {
        List<String> options = List.of("-Dcheckpointlab.samples=/p/samples", "--module-path=/m/javafx-base.jar",
                "--add-modules=javafx.base");

        Optional<String[]> arguments = LanguageRestart.arguments(options, "/p/classes:/r/gson.jar",
                "org.checkpointlab.app.DesktopLauncher --lesson unaligned");

        assertThat(arguments).hasValueSatisfying(a -> assertThat(a).containsExactly(
                "-Dcheckpointlab.samples=/p/samples", "--module-path=/m/javafx-base.jar", "--add-modules=javafx.base",
                "-cp", "/p/classes:/r/gson.jar", "org.checkpointlab.app.DesktopLauncher", "--lesson", "unaligned"));
        assertThat(LanguageRestart.command(JAVA, arguments, List.of("--lesson", "unaligned"), null, "unaligned"))
                .contains(List.of("/jdk/bin/java", "-Dcheckpointlab.samples=/p/samples",
                        "--module-path=/m/javafx-base.jar", "--add-modules=javafx.base", "-cp", "/p/classes:/r/gson.jar",
                        "org.checkpointlab.app.DesktopLauncher", "--lesson", "unaligned"));
    }

    @Test
    void aJarStartedWithDashJar_isStartedSoAgain_andAnUnknownMainClassIsNoCommand() {
        assertThat(LanguageRestart.arguments(List.of("-Xmx1g"), "lab.jar", "lab.jar gui"))
                .hasValueSatisfying(a -> assertThat(a).containsExactly("-Xmx1g", "-jar", "lab.jar", "gui"));
        assertThat(LanguageRestart.arguments(List.of(), "lab.jar", null)).isEmpty();
    }

    @Test
    void unreadableOrUnexpectedCommand_isNoRestart() {
        assertThat(LanguageRestart.command(Optional.empty(), Optional.of(new String[] {"x"}), List.of(), null, null))
                .isEmpty();
        assertThat(LanguageRestart.command(JAVA, Optional.empty(), List.of(), null, null)).isEmpty();
        assertThat(LanguageRestart.command(JAVA, Optional.of(new String[] {"Main", "other.json"}),
                List.of("word-count.json"), null, null)).isEmpty();
    }
}
