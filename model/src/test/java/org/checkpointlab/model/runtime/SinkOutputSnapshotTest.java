package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.observe.SinkOutputSnapshot.CommittedRecord;
import org.checkpointlab.model.observe.SinkOutputSnapshot.OpenTransaction;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/** What a front end sees of a sink's external system: committed records, the last few, and open transactions. */
class SinkOutputSnapshotTest {

    private static List<StreamRecord> records(String key, int from, int to) {
        List<StreamRecord> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(new StreamRecord(key, (long) i, i));
        }
        return list;
    }

    @Test
    void preCommittedTransactions_areOpenPerSubtaskAndCheckpoint_untilCommitted() {
        SinkOutput out = new SinkOutput("sink", null);
        out.prepare("s1-c2", 1, 2, records("b", 0, 3));
        out.prepare("s0-c2", 0, 2, records("a", 0, 2));
        out.prepare("s0-c3", 0, 3, records("a", 2, 3));

        SinkOutputSnapshot before = out.snapshot("transactional-sink", 10);

        assertThat(before.committed()).isZero();
        assertThat(before.recent()).isEmpty();
        assertThat(before.openTransactions()).containsExactly(
                new OpenTransaction(0, "s0-c2", 2, 2),
                new OpenTransaction(0, "s0-c3", 3, 1),
                new OpenTransaction(1, "s1-c2", 2, 3));
        assertThat(before.pendingRecords()).isEqualTo(6);

        out.commitPreparedUpTo(2);
        SinkOutputSnapshot after = out.snapshot("transactional-sink", 10);

        assertThat(after.committed()).isEqualTo(5);
        assertThat(after.digest()).isEqualTo(out.digest()).isNotEqualTo(before.digest());
        assertThat(after.openTransactions()).containsExactly(new OpenTransaction(0, "s0-c3", 3, 1));
        assertThat(after.recent()).hasSize(5).contains(new CommittedRecord("a", "1"), new CommittedRecord("b", "2"));
    }

    @Test
    void abortedTransactions_areNoLongerOpen_andNeverCommitted() {
        SinkOutput out = new SinkOutput("sink", null);
        out.prepare("s0-c4", 0, 4, records("a", 0, 2));

        out.abortPreparedAfter(3);

        SinkOutputSnapshot s = out.snapshot("transactional-sink", 10);
        assertThat(s.openTransactions()).isEmpty();
        assertThat(s.committed()).isZero();
    }

    @Test
    void recent_isTheLastCommittedRecordsOldestFirst_boundedByTheLimitAskedFor() {
        SinkOutput out = new SinkOutput("sink", null);
        records("k", 0, SinkOutput.RECENT_LIMIT + 50).forEach(out::append);
        out.append(new StreamRecord(null, "unkeyed", 0));

        SinkOutputSnapshot s = out.snapshot("collect-sink", 3);

        assertThat(s.committed()).isEqualTo(SinkOutput.RECENT_LIMIT + 51);
        assertThat(s.recent()).containsExactly(
                new CommittedRecord("k", String.valueOf(SinkOutput.RECENT_LIMIT + 48)),
                new CommittedRecord("k", String.valueOf(SinkOutput.RECENT_LIMIT + 49)),
                new CommittedRecord(null, "unkeyed"));
        assertThat(out.snapshot("collect-sink", 10_000).recent()).hasSize(SinkOutput.RECENT_LIMIT);
    }
}
