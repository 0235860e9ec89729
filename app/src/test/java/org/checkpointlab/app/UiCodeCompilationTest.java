package org.checkpointlab.app;

import static org.assertj.core.api.Assertions.assertThat;

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
}
