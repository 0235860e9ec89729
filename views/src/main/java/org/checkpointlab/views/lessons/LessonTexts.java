package org.checkpointlab.views.lessons;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.checkpointlab.model.lesson.StepCondition;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;

/**
 * The lesson panel's own strings, from the bundle {@code org.checkpointlab.views.i18n.lessons} (English) and
 * {@code lessons_zh_CN} (Simplified Chinese), in one locale; and what a step waits for, in words.
 */
public final class LessonTexts {
    /** The bundle's base name. */
    public static final String BUNDLE = "org.checkpointlab.views.i18n.lessons";

    private final ResourceBundle bundle;
    private final ResourceBundle messages;
    private final Locale locale;

    public LessonTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
        this.messages = ResourceBundle.getBundle(Texts.MESSAGES, locale);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The string {@code key}, with {@code args} put into its {0}, {1}… */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * What a step with {@code condition} waits for ("a checkpoint to complete"), naming operators as the window
     * shows them: by their name in {@code pipeline} (by id when it has none), and tabs by their label.
     */
    public String waitingFor(StepCondition condition, PipelineSpec pipeline) {
        return describe("condition.", condition, pipeline);
    }

    /** What a step with {@code condition} saw once its event happened ("a checkpoint completed"). */
    public String seen(StepCondition condition, PipelineSpec pipeline) {
        return describe("seen.", condition, pipeline);
    }

    private String describe(String prefix, StepCondition condition, PipelineSpec pipeline) {
        return describe(condition, id -> pipeline == null || id == null ? id
                : pipeline.operator(id).map(OperatorSpec::name).filter(n -> !n.isBlank()).orElse(id),
                (key, args) -> get(prefix + key, args));
    }

    /** A condition's phrase: {@code get} takes its key without the prefix. */
    private String describe(StepCondition condition, java.util.function.UnaryOperator<String> name, Phrase get) {
        if (condition instanceof StepCondition.Answered) {
            return get.of("answer");
        }
        if (condition instanceof StepCondition.BarrierReached b) {
            return b.checkpoint() > 0 ? get.of("barrier-reached.checkpoint", name.apply(b.operator()), b.checkpoint())
                    : get.of("barrier-reached", name.apply(b.operator()));
        }
        if (condition instanceof StepCondition.ChannelBlocked c) {
            return c.to() == null ? get.of("channel-blocked.any") : get.of("channel-blocked", name.apply(c.to()));
        }
        if (condition instanceof StepCondition.CheckpointCompleted c) {
            return c.minPersistedBytes() > 0 ? get.of("checkpoint-completed.persisted")
                    : Boolean.TRUE.equals(c.atLeastOnce()) ? get.of("checkpoint-completed.atLeastOnce")
                    : Boolean.TRUE.equals(c.unaligned()) ? get.of("checkpoint-completed.unaligned")
                    : Boolean.FALSE.equals(c.unaligned()) ? get.of("checkpoint-completed.aligned")
                    : c.count() > 1 ? get.of("checkpoint-completed.count", c.count())
                    : get.of("checkpoint-completed");
        }
        if (condition instanceof StepCondition.CheckpointFailed) {
            return get.of("checkpoint-failed");
        }
        if (condition instanceof StepCondition.SubtaskFailed f) {
            return f.operator() == null ? get.of("subtask-failed.any")
                    : get.of("subtask-failed", name.apply(f.operator()));
        }
        if (condition instanceof StepCondition.JobRestored r) {
            return r.fromSavepoint() ? get.of("job-restored.savepoint") : get.of("job-restored");
        }
        if (condition instanceof StepCondition.SavepointWritten) {
            return get.of("savepoint-written");
        }
        if (condition instanceof StepCondition.JobRescaled r) {
            return r.parallelism() > 0 ? get.of("job-rescaled", name.apply(r.operator()), String.valueOf(r.parallelism()))
                    : get.of("job-rescaled.any", name.apply(r.operator()));
        }
        if (condition instanceof StepCondition.JobStatusIs s) {
            return get.of("job-status", s.status());
        }
        if (condition instanceof StepCondition.Backpressured b) {
            return get.of("backpressure", name.apply(b.operator()));
        }
        if (condition instanceof StepCondition.RecordsProcessed r) {
            return get.of("records", name.apply(r.operator()), String.valueOf(r.count()));
        }
        if (condition instanceof StepCondition.StateBackendIs s) {
            String backend = s.backend().name().toLowerCase(Locale.ROOT);
            return s.incremental() ? get.of("state-backend.incremental", backend)
                    : get.of("state-backend", backend);
        }
        if (condition instanceof StepCondition.BarriersAre b) {
            String mode = b.mode() == null ? "" : barrierMode(b.mode());
            return b.alignedTimeout() ? get.of("barriers.timeout", mode) : get.of("barriers", mode);
        }
        if (condition instanceof StepCondition.UserDid u) {
            return u.action().startsWith("tab:") && messages.containsKey("tab." + u.action().substring(4))
                    ? get.of("user-did.tab", messages.getString("tab." + u.action().substring(4)))
                    : get.of("user-did", u.action());
        }
        if (condition instanceof StepCondition.KeyFoundInState k) {
            String key = "key-found" + (k.rescaled() ? ".rescaled" : "") + (k.key() == null ? ".any" : "");
            return k.key() == null ? get.of(key) : get.of(key, k.key());
        }
        return get.of("next");
    }

    /** A phrase of the bundle, from its key without the prefix. */
    @FunctionalInterface
    private interface Phrase {
        String of(String key, Object... args);
    }

    /** A barrier mode as the toolbar's Barriers choice names it ("unaligned (exactly-once)"). */
    private String barrierMode(String mode) {
        String key = switch (mode) {
            case "aligned" -> "barrierMode.aligned";
            case "unaligned" -> "barrierMode.unaligned";
            case "at-least-once" -> "barrierMode.atLeastOnce";
            default -> null;
        };
        return key != null && messages.containsKey(key) ? messages.getString(key) : mode;
    }
}
