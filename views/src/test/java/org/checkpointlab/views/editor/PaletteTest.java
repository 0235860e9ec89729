package org.checkpointlab.views.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test
    void withoutFilter_everyKindIsListedOnceInItsGroupsOrder() {
        List<Palette.Section> sections = Palette.sections("");

        assertThat(sections).extracting(Palette.Section::title)
                .containsExactly("Sources", "Transformations", "Keyed / stateful", "Windows", "Sinks");
        assertThat(sections.stream().flatMap(s -> s.kinds().stream()))
                .containsExactlyInAnyOrder(OperatorKind.values());
    }

    @Test
    void theFilter_matchesNamesDescriptionsAndGroupsIgnoringCase() {
        assertThat(Palette.sections("SINK").stream().flatMap(s -> s.kinds().stream()))
                .contains(OperatorKind.DISCARD_SINK, OperatorKind.COLLECT_SINK, OperatorKind.TRANSACTIONAL_SINK);
        assertThat(Palette.sections("keyed count").stream().flatMap(s -> s.kinds().stream()))
                .contains(OperatorKind.KEYED_COUNT).doesNotContain(OperatorKind.MAP);
        assertThat(Palette.sections("no such operator")).isEmpty();
    }
}
