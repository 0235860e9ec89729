package org.checkpointlab.flink.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient field reads: Flink adds and removes fields between 1.18 and 2.x, so an absent field, a null, a
 * {@code "NaN"} or a field of another type gives the fallback instead of an error.
 */
final class RestJson {
    private RestJson() {
    }

    static long getLong(JsonObject o, String field, long fallback) {
        double d = getDouble(o, field, Double.NaN);
        return Double.isNaN(d) ? fallback : Math.round(d);
    }

    static double getDouble(JsonObject o, String field, double fallback) {
        JsonElement e = o == null ? null : o.get(field);
        if (e == null || !e.isJsonPrimitive()) {
            return fallback;
        }
        try {
            double d = e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.parseDouble(e.getAsString());
            return Double.isNaN(d) || Double.isInfinite(d) ? fallback : d;
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    static String getString(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static boolean getBoolean(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    static JsonObject getObject(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    /** The objects of the array at {@code field}; empty when absent. */
    static List<JsonObject> objects(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonArray() ? objects(e.getAsJsonArray()) : List.of();
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement e : array) {
            if (e.isJsonObject()) {
                result.add(e.getAsJsonObject());
            }
        }
        return result;
    }
}
