package org.checkpointlab.model.pipeline;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads strict JSON (RFC 8259: no comments, no single quotes, no trailing commas, one top-level value) into plain
 * Java values: {@link LinkedHashMap} for objects (file order kept), {@link ArrayList}, {@link String},
 * {@link Boolean}, {@code null}, and numbers as {@link Long} when integral and in range, else {@link Double}.
 * A repeated name in an object is an error. Errors carry the line and column where reading stopped.
 */
final class StrictJsonTree {

    /** Where and why the text is not valid JSON. Lines and columns count from 1. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;
        final String what;

        SyntaxError(int line, int column, String what) {
            super("line " + line + ", column " + column + ": " + what);
            this.line = line;
            this.column = column;
            this.what = what;
        }
    }

    /** Gson's messages end in " at line L column C path P", possibly followed by a link to its docs. */
    private static final Pattern GSON_LOCATION =
            Pattern.compile("(?s)(.*?) at line (\\d+) column (\\d+) path \\S*.*");
    private static final Pattern READER_LOCATION = Pattern.compile("at line (\\d+) column (\\d+)");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final JsonReader reader;

    private StrictJsonTree(String json) {
        reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
    }

    /** The single JSON value in {@code json}. */
    static Object read(String json) throws SyntaxError {
        if (json.isBlank()) {
            throw new SyntaxError(1, 1, "the file is empty");
        }
        StrictJsonTree tree = new StrictJsonTree(json);
        try {
            Object value = tree.readValue();
            if (tree.reader.peek() != JsonToken.END_DOCUMENT) {
                throw tree.errorAtPeeked("unexpected text after the end of the top-level value");
            }
            return value;
        } catch (SyntaxError e) {
            throw e;
        } catch (EOFException e) {
            throw tree.translate(e, 0, "the file ends too early (a bracket, brace or quote is not closed)");
        } catch (IOException | IllegalStateException e) {
            throw tree.translate(e, 1, null);
        }
    }

    private Object readValue() throws IOException, SyntaxError {
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    SyntaxError duplicate = errorAtPeeked("appears twice in the same object");
                    String name = reader.nextName();
                    if (object.containsKey(name)) {
                        throw new SyntaxError(duplicate.line, duplicate.column, "\"" + name + "\" " + duplicate.what);
                    }
                    object.put(name, readValue());
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                List<Object> array = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(readValue());
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                String literal = reader.nextString();
                BigDecimal number = new BigDecimal(literal);
                if (isIntegral(number) && number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0) {
                    return number.longValueExact();
                }
                double d = number.doubleValue();
                if (!Double.isFinite(d)) {
                    throw errorAt(0, "the number " + literal + " is too large");
                }
                return d;
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                reader.nextNull();
                return null;
            }
            default -> throw errorAt(0, "unexpected " + token);
        }
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /**
     * An error at the first character of the token the reader has just peeked: peeking consumes that character,
     * and Gson's columns point just past the last character consumed.
     */
    private SyntaxError errorAtPeeked(String what) {
        return errorAt(1, what);
    }

    /** An error {@code back} columns before the reader's position ({@code JsonReader.toString()} tells it). */
    private SyntaxError errorAt(int back, String what) {
        Matcher m = READER_LOCATION.matcher(reader.toString());
        if (m.find()) {
            return new SyntaxError(Integer.parseInt(m.group(1)), Math.max(1, Integer.parseInt(m.group(2)) - back),
                    what);
        }
        return new SyntaxError(1, 1, what);
    }

    /**
     * Gson's exception as a {@link SyntaxError} at the offending character: Gson reports the column just past
     * it, so {@code back} is 1, except at the end of input ({@code back} 0).
     */
    private SyntaxError translate(Exception e, int back, String whatOverride) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = GSON_LOCATION.matcher(message);
        String what = whatOverride != null ? whatOverride : explain(m.matches() ? m.group(1) : message);
        SyntaxError error = m.matches()
                ? new SyntaxError(Integer.parseInt(m.group(2)), Math.max(1, Integer.parseInt(m.group(3)) - back),
                what)
                : errorAt(back, what);
        error.initCause(e);
        return error;
    }

    /** Gson's wording, said for people writing pipeline files by hand. */
    private static String explain(String gsonWhat) {
        if (gsonWhat.startsWith("Use JsonReader.setStrictness") || gsonWhat.startsWith("Use JsonReader.setLenient")) {
            return "not valid JSON here (names and strings need double quotes; comments, single quotes, "
                    + "trailing commas and NaN are not allowed)";
        }
        if (gsonWhat.equals("Expected name")) {
            return "expected a field name in double quotes";
        }
        if (gsonWhat.equals("Unterminated object")) {
            return "expected ',' or '}' after a field";
        }
        if (gsonWhat.equals("Unterminated array")) {
            return "expected ',' or ']' after an array element";
        }
        if (gsonWhat.equals("Expected value")) {
            return "expected a value (object, array, string, number, true, false or null)";
        }
        if (gsonWhat.equals("Expected ':'")) {
            return "expected ':' after the field name";
        }
        return gsonWhat.isEmpty() ? "not valid JSON" : gsonWhat;
    }
}
