package org.checkpointlab.views.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.views.i18n.Texts;

/**
 * What the palette lists: every {@link OperatorKind} in its {@linkplain OperatorKind.Group group}, in the groups'
 * order, narrowed by a filter text that matches a kind's name, description or group (case-insensitive, every word
 * of the filter must match).
 */
public final class Palette {
    /** One titled section of the palette. */
    public record Section(OperatorKind.Group group, List<OperatorKind> kinds) {
        public Section {
            kinds = List.copyOf(kinds);
        }

        public String title() {
            return Texts.get("palette.group." + group.name());
        }
    }

    private Palette() {
    }

    /** The sections with at least one kind that matches {@code filter}; every kind when the filter is blank. */
    public static List<Section> sections(String filter) {
        String[] words = filter == null ? new String[0] : filter.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<Section> sections = new ArrayList<>();
        for (OperatorKind.Group group : OperatorKind.Group.values()) {
            List<OperatorKind> kinds = new ArrayList<>();
            for (OperatorKind kind : OperatorKind.values()) {
                if (kind.group() == group && matches(kind, words)) {
                    kinds.add(kind);
                }
            }
            if (!kinds.isEmpty()) {
                sections.add(new Section(group, kinds));
            }
        }
        return sections;
    }

    private static boolean matches(OperatorKind kind, String[] words) {
        String text = (kind.jsonName() + " " + kind.description() + " " + kind.group().displayName())
                .toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
