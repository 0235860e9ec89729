package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final StringWriter written = new StringWriter();

    @Test
    void onATerminal_eachLineOverwritesThePrevious_andANoteStaysOnALineOfItsOwn() {
        ProgressLine line = new ProgressLine(new PrintWriter(written), true);
        line.show("0:01  1,000 records");
        line.show("0:02  2,000");
        line.note("failure at +2.1 s");
        line.show("0:03  3,000 records");
        line.end();

        assertThat(written.toString()).isEqualTo("\r0:01  1,000 records" + "\r0:02  2,000" + " ".repeat(8)
                + "\rfailure at +2.1 s\n" + "\r0:03  3,000 records" + System.lineSeparator());
    }

    @Test
    void elsewhere_everyLineIsALineOfItsOwn_andEndAddsNothing() {
        ProgressLine line = new ProgressLine(new PrintWriter(written), false);
        line.show("0:01  1,000 records");
        line.note("failure at +1.5 s");
        line.end();

        String nl = System.lineSeparator();
        assertThat(written.toString()).isEqualTo("0:01  1,000 records" + nl + "failure at +1.5 s" + nl);
    }
}
