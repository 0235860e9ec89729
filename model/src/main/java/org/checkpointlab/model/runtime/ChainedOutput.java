package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** Hands a record straight to the next operator of the chain, in the same thread. */
final class ChainedOutput implements Output {
    private final StreamOperator next;
    private final OperatorCounters from;
    private final OperatorCounters to;
    private final Task task;

    ChainedOutput(StreamOperator next, OperatorCounters from, OperatorCounters to, Task task) {
        this.next = next;
        this.from = from;
        this.to = to;
        this.task = task;
    }

    @Override
    public void collect(StreamRecord record) {
        from.recordsOut++;
        to.recordsIn++;
        try {
            next.processRecord(record, 0);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(task.describe(), e);
        }
    }
}
