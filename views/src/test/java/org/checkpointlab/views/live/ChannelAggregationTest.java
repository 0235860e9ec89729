package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.live.LiveFixtures.FULL;
import static org.checkpointlab.views.live.LiveFixtures.PERSISTED;
import static org.checkpointlab.views.live.LiveFixtures.barrier;
import static org.checkpointlab.views.live.LiveFixtures.channel;

import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.junit.jupiter.api.Test;

class ChannelAggregationTest {

    @Test
    void fewChannels_areDrawnOneRowEach_sortedByReceiverThenSender() {
        List<ChannelSnapshot> channels = List.of(channel(1, 1, false), channel(0, 1, false), channel(1, 0, false),
                channel(0, 0, false));
        List<ChannelRow> rows = ChannelAggregation.rows(channels, false);
        assertThat(rows).allMatch(r -> r instanceof ChannelRow.Single);
        assertThat(rows).extracting(r -> ((ChannelRow.Single) r).channel().fromSubtask() + "->" + r.toSubtask())
                .containsExactly("0->0", "1->0", "0->1", "1->1");
    }

    @Test
    void hashEightByEight_isSummarisedPerReceiver_addingUpBuffersCreditsBarriersAndBlocking() {
        List<ChannelSnapshot> channels = new ArrayList<>();
        for (int from = 0; from < 8; from++) {
            for (int to = 0; to < 8; to++) {
                if (to == 2 && from < 3) {
                    // receiver 2 is aligning checkpoint 5: three senders delivered their barrier and are blocked
                    channels.add(channel(from, to, true, FULL, barrier(5, false), FULL));
                } else if (to == 3 && from == 0) {
                    channels.add(channel(from, to, false, barrier(6, true), PERSISTED, PERSISTED));
                } else {
                    channels.add(channel(from, to, false, FULL));
                }
            }
        }
        assertThat(ChannelAggregation.aggregates(channels.size())).isTrue();

        List<ChannelRow> rows = ChannelAggregation.rows(channels, false);

        assertThat(rows).hasSize(8).allMatch(r -> r instanceof ChannelRow.Summary);
        ChannelRow.Summary aligning = (ChannelRow.Summary) rows.get(2);
        assertThat(aligning.senders()).isEqualTo(8);
        assertThat(aligning.queuedBuffers()).isEqualTo(3 * 2 + 5);
        assertThat(aligning.capacity()).isEqualTo(8 * 4);
        assertThat(aligning.barrierIds()).containsExactly(5L, 5L, 5L);
        assertThat(aligning.blocked()).isEqualTo(3);
        assertThat(aligning.usage()).isEqualTo(11 / 32.0);
        ChannelRow.Summary unaligned = (ChannelRow.Summary) rows.get(3);
        assertThat(unaligned.persisted()).isEqualTo(2);
        assertThat(unaligned.unalignedBarriers()).isEqualTo(1);
        assertThat(unaligned.blocked()).isZero();
    }

    @Test
    void anExpandedPanel_showsEveryChannelEvenWhenThereAreMany() {
        List<ChannelSnapshot> channels = new ArrayList<>();
        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                channels.add(channel(from, to, false));
            }
        }
        assertThat(ChannelAggregation.rows(channels, true)).hasSize(16).allMatch(r -> r instanceof ChannelRow.Single);
        assertThat(ChannelAggregation.rows(channels, false)).hasSize(4);
    }

    @Test
    void theThresholdIsEightChannels() {
        assertThat(ChannelAggregation.aggregates(ChannelAggregation.MAX_SINGLE_ROWS)).isFalse();
        assertThat(ChannelAggregation.aggregates(ChannelAggregation.MAX_SINGLE_ROWS + 1)).isTrue();
    }
}
