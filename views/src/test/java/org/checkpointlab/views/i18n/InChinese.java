package org.checkpointlab.views.i18n;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with the UI's texts in Chinese ({@code @ExtendWith(InChinese.class)}) and puts them back to
 * English after it. Such classes run in a JVM of their own (the {@code *InChineseTest}s in views/pom.xml): enums and
 * constants keep the language their class loaded in.
 */
public final class InChinese implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Texts.use(Locale.ENGLISH);
    }
}
