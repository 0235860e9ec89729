package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.checkpointlab.model.job.DeliveryVerdict.NotComputable;
import org.checkpointlab.model.job.DeliveryVerdict.Outcome;
import org.checkpointlab.model.job.DeliveryVerdict.Reason;
import org.junit.jupiter.api.Test;

/** The delivery verdict as facts, and its English: the command line's words, which scripts may read. */
class DeliveryVerdictTest {

    @Test
    void aFullComparison_saysExactlyOnce_duplicates_orLosses() {
        assertThat(DeliveryVerdict.compared(0, 0).outcome()).isEqualTo(Outcome.EXACTLY_ONCE);
        assertThat(DeliveryVerdict.compared(0, 0).english()).isEqualTo("exactly-once held");
        assertThat(DeliveryVerdict.compared(1, 0).english()).isEqualTo("at-least-once: 1 duplicate, nothing lost");
        assertThat(DeliveryVerdict.compared(3, 0).outcome()).isEqualTo(Outcome.DUPLICATES);
        assertThat(DeliveryVerdict.compared(3, 0).english()).isEqualTo("at-least-once: 3 duplicates, nothing lost");
        assertThat(DeliveryVerdict.compared(2, 1).outcome()).isEqualTo(Outcome.LOST);
        assertThat(DeliveryVerdict.compared(2, 1).english()).isEqualTo("1 record lost, 2 duplicates");
        assertThat(DeliveryVerdict.compared(0, 5).english()).isEqualTo("5 records lost");
    }

    @Test
    void aComparisonByCountAndDigest_saysSo() {
        String how = " (compared by count and digest: too many records to keep in memory)";
        assertThat(DeliveryVerdict.countsOnly(0, true).english()).isEqualTo("exactly-once held" + how);
        assertThat(DeliveryVerdict.countsOnly(4, false).english()).isEqualTo("at least 4 duplicates" + how);
        assertThat(DeliveryVerdict.countsOnly(-1, false).english()).isEqualTo("at least 1 record lost" + how);
        DeliveryVerdict differs = DeliveryVerdict.countsOnly(0, false);
        assertThat(differs.outcome()).isEqualTo(Outcome.DIFFERENT_DIGEST);
        assertThat(differs.english()).isEqualTo("output differs from the reference: same count, different digest"
                + how);
    }

    @Test
    void noVerdict_keepsItsReasonAndArguments() {
        DeliveryVerdict v = DeliveryVerdict.notComputable(NotComputable.of(Reason.UNBOUNDED_SOURCE, "numbers"));

        assertThat(v.why().reason()).isEqualTo(Reason.UNBOUNDED_SOURCE);
        assertThat(v.why().args()).containsExactly("numbers");
        assertThat(v.english()).isEqualTo("not computable: source 'numbers' is unbounded");
        assertThat(NotComputable.of(Reason.NOT_ENDED, "RUNNING").english()).isEqualTo("the job has not ended (RUNNING)");
        assertThat(NotComputable.of(Reason.OTHER, "Flink did not run the job").english())
                .isEqualTo("Flink did not run the job");
    }

    @Test
    void aReasonGoesWithNotComputableOnly() {
        assertThatThrownBy(() -> new DeliveryVerdict(Outcome.EXACTLY_ONCE, 0, 0, false,
                NotComputable.of(Reason.NO_REFERENCE_OUTPUT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryVerdict(Outcome.NOT_COMPUTABLE, -1, -1, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
