package org.checkpointlab.views.i18n;

import java.util.MissingResourceException;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.ParamSpec;

/**
 * The operator kinds' and their parameters' descriptions as the desktop app shows them: from the bundle
 * ({@code kind.<json name>}, {@code param.<kind>.<param>}), or the engine's English description for a kind the
 * bundle does not know yet. The pipeline model keeps its own English texts for files and the command line.
 */
public final class OperatorTexts {
    private OperatorTexts() {
    }

    /** What {@code kind} does, in the app's language. */
    public static String description(OperatorKind kind) {
        return lookup("kind." + kind.jsonName(), kind.description());
    }

    /** What parameter {@code param} of the kind {@code kindName} means, in the app's language. */
    public static String description(String kindName, ParamSpec param) {
        return lookup("param." + kindName + "." + param.name(), param.description());
    }

    private static String lookup(String key, String english) {
        try {
            return Texts.get(key);
        } catch (MissingResourceException e) {
            return english;
        }
    }
}
