package org.checkpointlab.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The checkpoint options' flags ({@code --interval}, {@code --mode}, {@code --unaligned}, ...), one for each
 * {@link CheckpointOption} that declares a {@linkplain CheckpointOption#cliFlag() flag}, with the name, value label
 * and help text declared there. A mixin: the flags are added to the command when picocli builds it. Values are
 * read as the settings form reads its fields ({@link CheckpointOption#parseText}), and a flag not given changes
 * nothing.
 */
@Command(modelTransformer = CheckpointFlags.Declare.class)
final class CheckpointFlags {
    /** The text of each flag given, by option (a switch: the value it sets). */
    private final Map<CheckpointOption<?>, String> given = new LinkedHashMap<>();

    /** Whether the flag of {@code option} was given. */
    boolean has(CheckpointOption<?> option) {
        return given.containsKey(option);
    }

    /**
     * {@code base} with every flag given applied; a flag whose value is wrong is a problem naming the flag (in
     * {@link CheckpointOption#ALL} order).
     */
    CheckpointOptions applyTo(CheckpointOptions base, List<String> problems) {
        CheckpointOptions o = base;
        for (CheckpointOption<?> option : CheckpointOption.ALL) {
            if (!given.containsKey(option)) {
                continue;
            }
            try {
                o = withText(o, option, given.get(option));
            } catch (IllegalArgumentException e) {
                problems.add(flag(option) + ": " + e.getMessage());
            }
        }
        return o;
    }

    /** The flag of {@code option}, e.g. {@code --checkpoint-dir}. */
    static String flag(CheckpointOption<?> option) {
        return option.cliFlag().orElseThrow().name();
    }

    private static <T> CheckpointOptions withText(CheckpointOptions o, CheckpointOption<T> option, String text) {
        return option.with(o, option.parseText(text));
    }

    /** Adds a picocli option for every declared flag, bound to the {@link CheckpointFlags} being built. */
    static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            CheckpointFlags flags = find(spec);
            if (flags != null) {
                for (CheckpointOption<?> option : CheckpointOption.ALL) {
                    option.cliFlag().filter(flag -> spec.findOption(flag.name()) == null)
                            .ifPresent(flag -> spec.addOption(optionSpec(option, flag, flags.given)));
                }
            }
            return spec;
        }

        /** Picocli hands the command that has the mixin (perhaps in a mixin of its own) to the transformer. */
        private static CheckpointFlags find(CommandSpec spec) {
            if (spec.userObject() instanceof CheckpointFlags flags) {
                return flags;
            }
            for (CommandSpec mixin : spec.mixins().values()) {
                CheckpointFlags found = find(mixin);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private static OptionSpec optionSpec(CheckpointOption<?> option, CheckpointOption.CliFlag flag,
                                             Map<CheckpointOption<?>, String> given) {
            OptionSpec.Builder b = OptionSpec.builder(flag.name()).description(flag.description());
            if (flag.style() == CheckpointOption.CliFlag.Style.VALUE) {
                b.paramLabel(flag.paramLabel()).type(String.class).arity("1");
            } else {
                b.type(Boolean.class).arity("0").negatable(flag.style() == CheckpointOption.CliFlag.Style.NEGATABLE);
            }
            return b.getter(new IGetter() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T get() {
                    return flag.style() == CheckpointOption.CliFlag.Style.VALUE ? (T) given.get(option) : null;
                }
            }).setter(new ISetter() {
                @Override
                public <T> T set(T value) {
                    if (value == null || flag.style() == CheckpointOption.CliFlag.Style.SWITCH && !(Boolean) value) {
                        given.remove(option);
                    } else {
                        given.put(option, flag.style() == CheckpointOption.CliFlag.Style.SWITCH
                                ? flag.switchValue() : value.toString());
                    }
                    return null;
                }
            }).build();
        }
    }
}
