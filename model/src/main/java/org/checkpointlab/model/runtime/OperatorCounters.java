package org.checkpointlab.model.runtime;

/**
 * Record counters of one operator in one subtask. Written by the task thread with plain writes (hot path); observers
 * read them racily, which on a 64-bit JVM gives a recent, untorn value.
 */
final class OperatorCounters {
    final String operatorId;
    long recordsIn;
    long recordsOut;

    OperatorCounters(String operatorId) {
        this.operatorId = operatorId;
    }
}
