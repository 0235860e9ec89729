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
        return waitingFor(condition, id -> pipeline == null || id == null ? id
                : pipeline.operator(id).map(OperatorSpec::name).filter(n -> !n.isBlank()).orElse(id));
    }

    private String waitingFor(StepCondition condition, java.util.function.UnaryOperator<String> name) {
        if (condition instanceof StepCondition.Answered) {
            return get("condition.answer");
        }
        if (condition instanceof StepCondition.BarrierReached b) {
            return b.checkpoint() > 0 ? get("condition.barrier-reached.checkpoint", name.apply(b.operator()), b.checkpoint())
                    : get("condition.barrier-reached", name.apply(b.operator()));
        }
        if (condition instanceof StepCondition.ChannelBlocked c) {
            return c.to() == null ? get("condition.channel-blocked.any") : get("condition.channel-blocked", name.apply(c.to()));
        }
        if (condition instanceof StepCondition.CheckpointCompleted c) {
            return c.minPersistedBytes() > 0 ? get("condition.checkpoint-completed.persisted")
                    : Boolean.TRUE.equals(c.atLeastOnce()) ? get("condition.checkpoint-completed.atLeastOnce")
                    : Boolean.TRUE.equals(c.unaligned()) ? get("condition.checkpoint-completed.unaligned")
                    : Boolean.FALSE.equals(c.unaligned()) ? get("condition.checkpoint-completed.aligned")
                    : c.count() > 1 ? get("condition.checkpoint-completed.count", c.count())
                    : get("condition.checkpoint-completed");
        }
        if (condition instanceof StepCondition.CheckpointFailed) {
            return get("condition.checkpoint-failed");
        }
        if (condition instanceof StepCondition.SubtaskFailed f) {
            return f.operator() == null ? get("condition.subtask-failed.any")
                    : get("condition.subtask-failed", name.apply(f.operator()));
        }
        if (condition instanceof StepCondition.JobRestored r) {
            return r.fromSavepoint() ? get("condition.job-restored.savepoint") : get("condition.job-restored");
        }
        if (condition instanceof StepCondition.SavepointWritten) {
            return get("condition.savepoint-written");
        }
        if (condition instanceof StepCondition.JobRescaled r) {
            return r.parallelism() > 0 ? get("condition.job-rescaled", name.apply(r.operator()), String.valueOf(r.parallelism()))
                    : get("condition.job-rescaled.any", name.apply(r.operator()));
        }
        if (condition instanceof StepCondition.JobStatusIs s) {
            return get("condition.job-status", s.status());
        }
        if (condition instanceof StepCondition.Backpressured b) {
            return get("condition.backpressure", name.apply(b.operator()));
        }
        if (condition instanceof StepCondition.RecordsProcessed r) {
            return get("condition.records", name.apply(r.operator()), String.valueOf(r.count()));
        }
        if (condition instanceof StepCondition.StateBackendIs s) {
            String backend = s.backend().name().toLowerCase(Locale.ROOT);
            return s.incremental() ? get("condition.state-backend.incremental", backend)
                    : get("condition.state-backend", backend);
        }
        if (condition instanceof StepCondition.BarriersAre b) {
            String mode = b.mode() == null ? "" : barrierMode(b.mode());
            return b.alignedTimeout() ? get("condition.barriers.timeout", mode) : get("condition.barriers", mode);
        }
        if (condition instanceof StepCondition.UserDid u) {
            return u.action().startsWith("tab:") && messages.containsKey("tab." + u.action().substring(4))
                    ? get("condition.user-did.tab", messages.getString("tab." + u.action().substring(4)))
                    : get("condition.user-did", u.action());
        }
        if (condition instanceof StepCondition.KeyFoundInState k) {
            String key = "condition.key-found" + (k.rescaled() ? ".rescaled" : "") + (k.key() == null ? ".any" : "");
            return k.key() == null ? get(key) : get(key, k.key());
        }
        return get("condition.next");
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
