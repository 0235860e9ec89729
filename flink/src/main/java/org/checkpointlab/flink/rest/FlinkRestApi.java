package org.checkpointlab.flink.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP on Flink's REST API ({@code /v1/...}) of one cluster: JSON in, JSON out, every failure a
 * {@link FlinkRestException} naming the URL. Blocking: call it from a background thread.
 */
public final class FlinkRestApi {
    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /** {@code base} as a user typed it, e.g. {@code http://localhost:8081} (a trailing slash or path is kept). */
    public FlinkRestApi(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    /** The address shown to users, without a trailing slash. */
    public String address() {
        String s = base.toString();
        return s.substring(0, s.length() - 1);
    }

    public JsonElement get(String path) throws FlinkRestException, InterruptedException {
        return send(path, HttpRequest.newBuilder(uri(path)).GET(), "GET");
    }

    public JsonElement post(String path, JsonObject body) throws FlinkRestException, InterruptedException {
        return send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST");
    }

    public JsonElement put(String path, JsonObject body) throws FlinkRestException, InterruptedException {
        return send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())), "PUT");
    }

    /** POSTs {@code body} as {@code contentType} (a jar upload's multipart form, for one). */
    public JsonElement post(String path, String contentType, HttpRequest.BodyPublisher body)
            throws FlinkRestException, InterruptedException {
        return send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body), "POST");
    }

    public JsonElement patch(String path) throws FlinkRestException, InterruptedException {
        return send(path, HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.noBody()),
                "PATCH");
    }

    /** The JSON object at {@code path}; anything else is "not Flink". */
    public JsonObject getObject(String path) throws FlinkRestException, InterruptedException {
        JsonElement e = get(path);
        if (!e.isJsonObject()) {
            throw new FlinkRestException(address() + "/v1" + path + " answered " + abbreviate(e.toString())
                    + " where Flink answers a JSON object");
        }
        return e.getAsJsonObject();
    }

    private URI uri(String path) {
        return base.resolve("v1" + path);
    }

    private JsonElement send(String path, HttpRequest.Builder request, String method)
            throws FlinkRestException, InterruptedException {
        String where = address() + "/v1" + path;
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FlinkRestException("no answer from " + where + " (" + describe(e) + ")", -1, e);
        }
        String body = response.body() == null ? "" : response.body();
        int code = response.statusCode();
        if (code < 200 || code >= 300) {
            throw new FlinkRestException(method + " " + where + " answered HTTP " + code + flinkErrors(body), code,
                    null, body);
        }
        try {
            return JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new FlinkRestException(where + " answered something that is not JSON: " + abbreviate(body), code,
                    e);
        }
    }

    /** Flink's error answers are {@code {"errors":["..."]}}: their first line, or nothing. */
    private static String flinkErrors(String body) {
        try {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            String first = o.getAsJsonArray("errors").get(0).getAsString();
            return ": " + abbreviate(first.lines().findFirst().orElse(first));
        } catch (RuntimeException notFlinkError) {
            return body.isBlank() ? "" : ": " + abbreviate(body);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
