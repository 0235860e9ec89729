package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class GuiCommandTest {

    @Test
    void guiArguments_arePassedToTheDesktopLauncherInTheSameSpelling() {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs("samples/word-count.json", "--run", "--speed", "0.01", "--exit-after", "30s",
                "--frame-report");

        assertThat(gui.launcherArguments()).containsExactly("samples/word-count.json", "--run", "--speed", "0.01",
                "--exit-after", "30s", "--frame-report");
    }

    @Test
    void lesson_isPassedOn() {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs("--lesson", "barrier-alignment");

        assertThat(gui.launcherArguments()).containsExactly("--lesson", "barrier-alignment");
    }

    @Test
    void balance_isPassedOn() {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs("--balance", "engine-first");

        assertThat(gui.launcherArguments()).containsExactly("--balance", "engine-first");
    }

    @Test
    void guiWithoutArguments_passesNone() {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs();

        assertThat(gui.launcherArguments()).isEmpty();
    }
}
