package org.checkpointlab.views.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.ValidationProblem;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.views.i18n.Texts;

/**
 * Turns what the engine threw into the lines a user reads: each problem of a pipeline or savepoint on its own. A
 * pipeline's validation problems come as facts ({@link ValidationProblem}) and are worded in the UI's language
 * ({@code problem.*} in the bundle); others (a file that cannot be parsed) exist in English only.
 */
public final class Problems {
    private Problems() {
    }

    /** The problems carried by {@code error}, unwrapping futures' wrappers; never empty. */
    public static List<String> of(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof PipelineException p) {
            return of(p);
        }
        if (t instanceof SavepointException s) {
            return of(s);
        }
        if (org.checkpointlab.model.checkpoint.TriggerRefusal.in(t).isPresent()) {
            return List.of(org.checkpointlab.views.checkpoints.CheckpointFailureTexts.whyNotTriggered(t));
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage());
        return lines;
    }

    /**
     * What a failure of the exception history says, in the UI's language when the lab caused it (failure
     * injection); an operator's exception in its own words.
     */
    public static String of(org.checkpointlab.model.observe.FailureEvent failure) {
        var cause = failure.cause();
        if (cause == null) {
            return failure.message();
        }
        return org.checkpointlab.views.checkpoints.FailureCauseTexts.of(cause);
    }

    /** Checkpoint options that do not go together, in the UI's language. */
    public static String of(org.checkpointlab.model.checkpoint.OptionProblem problem) {
        return Texts.format("optionProblem." + problem.kind().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), problem.args().toArray());
    }

    /** Why a directory is no savepoint, in the UI's language when the engine names it as facts. */
    public static List<String> of(SavepointException e) {
        if (e.finding() == null) {
            return e.problems();
        }
        return List.of(Texts.format("savepointProblem." + e.finding().kind().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), e.finding().args().toArray()));
    }

    /** A value typed for a checkpoint option that is not of its form, in the UI's language (not naming it). */
    public static String of(org.checkpointlab.model.pipeline.OptionValueException e) {
        return Texts.format("optionValue." + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                e.typed(), e.defaultText());
    }

    /** Each problem of checkpoint options, in the UI's language. */
    public static List<String> ofOptions(org.checkpointlab.model.checkpoint.CheckpointOptions options) {
        return options.findings().stream().map(Problems::of).toList();
    }

    /** The problems of {@code e}: its validation problems in the UI's language, else its English lines. */
    public static List<String> of(PipelineException e) {
        if (e.findings().isEmpty()) {
            return e.problems();
        }
        List<String> lines = of(e.findings());
        return e.source() == null ? lines : lines.stream().map(line -> e.source() + ": " + line).toList();
    }

    /** Each validation problem in the UI's language. */
    public static List<String> of(List<ValidationProblem> found) {
        return found.stream().map(Problems::of).toList();
    }

    /** One validation problem in the UI's language, naming the operator or edge first as the English does. */
    public static String of(ValidationProblem problem) {
        var options = problem.optionProblem();
        if (options.isPresent()) {
            return Texts.format("problem.checkpointing", of(options.get()));
        }
        if (problem.kind() == ValidationProblem.Kind.CHECKPOINTING_VALUE) {
            return Texts.format("problem.checkpointing-value", problem.arg(0), Texts.format("optionValue."
                    + problem.arg(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-'), problem.arg(2),
                    problem.arg(3)));
        }
        String key = "problem." + problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (problem.kind() == ValidationProblem.Kind.INPUTS_EXACTLY && "1".equals(problem.arg(2))) {
            key += ".one";
        }
        return Texts.format(key, problem.args().toArray());
    }
}
