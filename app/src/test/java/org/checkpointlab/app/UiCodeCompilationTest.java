package org.checkpointlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UiCodeCompilationTest {

    @Test
    void theDirectiveExcludesTheUiPackagesFromC2Only() {
        String json = UiCodeCompilation.directiveJson();

        assertThat(json).contains("\"javafx/*.*\"", "\"com/sun/javafx/*.*\"", "\"org/jfree/*.*\"",
                "\"org/checkpointlab/views/*.*\"");
        // JavaFX's renderer (Prism, the Marlin rasteriser, Glass's windowing, the animation timer) is UI code too.
        assertThat(json).contains("\"com/sun/prism/*.*\"", "\"com/sun/marlin/*.*\"", "\"com/sun/glass/*.*\"",
                "\"com/sun/scenario/*.*\"");
        assertThat(json).contains("c2: { Exclude: true }").doesNotContain("c1").doesNotContain("checkpointlab/model");
    }

    @Test
    void applyingPutsTheDirectiveOnTheJvmsStackOnce() throws Exception {
        String first = UiCodeCompilation.apply();
        String second = UiCodeCompilation.apply();

        assertThat(first).isEqualTo("UI code: compiled by C1 only (C2 is kept for the engine)");
        assertThat(second).isSameAs(first);
        String stack = String.valueOf(UiCodeCompilation.diagnosticCommand("compilerDirectivesPrint"));
        // The JVM lists the directive's patterns and, under its c2 block, Exclude:true.
        assertThat(stack).contains("javafx/*.*", "com/sun/javafx/*.*", "org/jfree/*.*",
                "org/checkpointlab/views/*.*");
        String ours = stack.substring(stack.indexOf("org/checkpointlab/views/*.*"),
                stack.indexOf("Directive: (default)"));
        assertThat(ours.substring(ours.indexOf("c2 directives"))).contains("Exclude:true");
        assertThat(ours.substring(ours.indexOf("c1 directives"), ours.indexOf("c2 directives")))
                .contains("Exclude:false");
        assertThat(stack.split("org/checkpointlab/views/\\*\\.\\*", -1)).hasSize(2); // listed once: added once
    }

    @Test
    void theCompileCommandFile_lowersTheThresholdsOfExactlyThePackagesKeptOffC2() throws Exception {
        List<String> commands = Files.readAllLines(Path.of(UiCodeCompilation.COMMAND_FILE)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        assertThat(commands.get(0)).as("no CompileCommand lines on the CLI's output").isEqualTo("quiet");
        List<String> packages = commands.subList(1, commands.size()).stream()
                .map(l -> l.split(",")[1].replace(".*::*", "").replace('.', '/') + "/*.*").toList();
        assertThat(packages).containsExactlyInAnyOrderElementsOf(UiCodeCompilation.UI_CODE);
        assertThat(commands.subList(1, commands.size())).allSatisfy(l -> assertThat(l)
                .startsWith("CompileThresholdScaling,").endsWith(",0.05"));
    }

    @Test
    void theJvmAcceptsTheCompileCommandFile() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(),
                "-XX:CompileCommandFile=" + Path.of(UiCodeCompilation.COMMAND_FILE).toAbsolutePath(), "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(out).doesNotContain("CompileCommand").doesNotContain("rror");
    }

    @Test
    void theFrameReportSaysWhetherTheThresholdsHold() {
        assertThat(UiCodeCompilation.thresholds(List.of("-Xmx1g", "-XX:CompileCommandFile=/x/app/"
                + UiCodeCompilation.COMMAND_FILE))).contains("1/20 of the usual invocations");
        assertThat(UiCodeCompilation.thresholds(List.of("-Xmx1g"))).contains("usual thresholds");
        assertThat(UiCodeCompilation.thresholds(List.of("-XX:CompileCommandFile=/x/app/"
                + UiCodeCompilation.COMMAND_FILE, "-XX:CompileCommandFile=/mine.txt")))
                .as("the last one given holds").contains("usual thresholds");
    }
}
