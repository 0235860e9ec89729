package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class GuiCommandTest {

    @Test
    void guiArguments_arePassedToTheDesktopLauncherInTheSameSpelling() {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs("samples/word-count.json", "--run", "--exit-after", "30s", "--frame-report");

        assertThat(gui.launcherArguments())
                .containsExactly("samples/word-count.json", "--run", "--exit-after", "30s", "--frame-report");
    }

    @Test
    void guiWithoutArguments_passesNone() {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs();

        assertThat(gui.launcherArguments()).isEmpty();
    }

    @Test
    void guiInABuildWithoutTheDesktopApp_exitsOneSayingSo() {
        assumeTrue(!desktopLauncherPresent(), "the desktop app is part of this build");

        Cli.Result r = Cli.run("gui");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(r.err()).contains("desktop app is not part of this build");
    }

    private static boolean desktopLauncherPresent() {
        try {
            Class.forName(GuiCommand.DESKTOP_LAUNCHER);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
