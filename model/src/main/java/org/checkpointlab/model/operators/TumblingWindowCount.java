package org.checkpointlab.model.operators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.ListState;
import org.checkpointlab.model.state.ValueState;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code tumbling-window-count}: counts records per key in tumbling windows.
 * <ul>
 *   <li>{@code unit = count}: a key's window closes after {@code size} records and emits {@code (key, size)};
 *       an incomplete window is not emitted (as Flink's count windows).</li>
 *   <li>{@code unit = ms}: processing-time windows of {@code size} ms aligned to the epoch; at each window end every
 *       key seen in it emits {@code (key, count)}. Keys with an open window are kept as union list state and, on
 *       restore, each subtask takes those in its key-group range (as Flink restores timers by key group). Open
 *       windows are emitted at the end of a bounded input, so no count is silently dropped.</li>
 * </ul>
 */
final class TumblingWindowCount implements StreamOperator {
    private Output out;
    private OperatorContext context;
    private KeyedStateBackend keyed;
    private ValueState<Long> count;
    private boolean countWindows;
    private long size;
    private final Set<Object> openKeys = new LinkedHashSet<>();
    private ListState<Object> openKeysState;
    private long timerAt = -1;

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        out = context.output();
        keyed = context.keyedState();
        count = keyed.valueState("window-count");
        size = Math.max(1, Params.getLong(context.params(), "size", 1000));
        countWindows = !"ms".equals(Params.getString(context.params(), "unit", "count"));
        openKeysState = context.operatorState().unionListState("open-window-keys");
        for (Object key : openKeysState.get()) {
            int group = KeyGroups.assignToKeyGroup(key, keyed.maxParallelism());
            if (keyed.keyGroupRange().contains(group)) {
                openKeys.add(key);
            }
        }
        if (!countWindows && !openKeys.isEmpty()) {
            scheduleWindowEnd();
        }
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        keyed.setCurrentKey(record.key());
        Long c = count.value();
        long next = c == null ? 1 : c + 1;
        if (countWindows) {
            if (next == size) {
                count.clear();
                out.collect(new StreamRecord(record.key(), size, record.seq()));
            } else {
                count.update(next);
            }
        } else {
            count.update(next);
            openKeys.add(record.key());
            if (timerAt < 0) {
                scheduleWindowEnd();
            }
        }
    }

    private void scheduleWindowEnd() {
        long now = context.currentProcessingTime();
        timerAt = (now / size + 1) * size;
        context.registerProcessingTimeTimer(timerAt);
    }

    @Override
    public void onProcessingTime(long timeMillis) {
        timerAt = -1;
        fireOpenWindows(timeMillis);
    }

    private void fireOpenWindows(long seq) {
        List<Object> keys = new ArrayList<>(openKeys);
        openKeys.clear();
        for (Object key : keys) {
            keyed.setCurrentKey(key);
            Long c = count.value();
            if (c != null) {
                count.clear();
                out.collect(new StreamRecord(key, c, seq));
            }
        }
    }

    @Override
    public void endInput() {
        if (!countWindows) {
            fireOpenWindows(context.currentProcessingTime());
        }
    }

    @Override
    public void prepareSnapshot(long checkpointId) {
        openKeysState.update(new ArrayList<>(openKeys));
    }
}
