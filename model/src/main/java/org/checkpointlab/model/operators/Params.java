package org.checkpointlab.model.operators;

import java.util.Map;

/** Typed reads of an operator's parameters (defaults are filled in when the job is built). */
final class Params {
    private Params() {
    }

    static long getLong(Map<String, Object> params, String name, long fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    static boolean getBoolean(Map<String, Object> params, String name, boolean fallback) {
        Object v = params.get(name);
        return v instanceof Boolean b ? b : fallback;
    }

    static String getString(Map<String, Object> params, String name, String fallback) {
        Object v = params.get(name);
        return v == null ? fallback : v.toString();
    }
}
