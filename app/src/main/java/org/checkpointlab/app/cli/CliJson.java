package org.checkpointlab.app.cli;

import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * How every command writes JSON: pretty-printed, with every field present ({@code null} where a value is absent),
 * and lists as arrays of one element per item.
 */
final class CliJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private CliJson() {
    }

    static String print(JsonElement json) {
        return GSON.toJson(json);
    }

    /** One element per item, in the items' order. */
    static <T> JsonArray array(Iterable<? extends T> items, Function<? super T, ? extends JsonElement> element) {
        JsonArray array = new JsonArray();
        for (T item : items) {
            array.add(element.apply(item));
        }
        return array;
    }
}
