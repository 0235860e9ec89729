package org.checkpointlab.views;

import javafx.scene.Parent;
import javafx.scene.Scene;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.session.JobSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * A window a UI test class shows on TestFX's stage (headless Monocle) before each test and closes after it. A test
 * class registers one with {@code @RegisterExtension} beside {@code @ExtendWith(ApplicationExtension.class)}, whose
 * stage it uses.
 */
public abstract class TestWindow implements BeforeEachCallback, AfterEachCallback {
    private final double width;
    private final double height;
    private boolean shown;

    protected TestWindow(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The window's content, built fresh for each test on the FX thread. */
    protected abstract Parent content() throws Exception;

    /** Stops what the content runs (frame loops, feeds, jobs); called after each test that showed the window. */
    protected abstract void close();

    @Override
    public final void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.setupStage(stage -> {
            try {
                stage.setScene(new Scene(content(), width, height));
            } catch (Exception e) {
                throw new IllegalStateException("the test's window did not open", e);
            }
            stage.show();
            shown = true;
        });
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        if (shown) {
            close();
        }
    }

    /** Closes the session's job if it has one still open. */
    protected static void closeOpenJob(JobSession session) {
        JobClient job = session.job();
        if (job != null) {
            job.close();
        }
    }
}
