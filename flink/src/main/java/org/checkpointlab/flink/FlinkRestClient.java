package org.checkpointlab.flink;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs JSON from Flink's REST API ({@code /v1/...}); lenient: fields may be absent. */
final class FlinkRestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    FlinkRestClient(URI base) {
        this.base = base;
    }

    /** The JSON object at {@code path} (e.g. {@code /jobs/<id>/checkpoints}). */
    JsonObject get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1" + path)).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Flink REST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static long getLong(JsonObject o, String field, long fallback) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : fallback;
    }

    static String getString(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static JsonObject getObject(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }
}
