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

    private final JsonReader reader;
    private final String[] lines;

    private StrictJsonTree(String json) {
        lines = json.split("\n", -1);
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
                throw tree.errorHere("unexpected text after the end of the top-level value");
            }
            return value;
        } catch (SyntaxError e) {
            throw e;
        } catch (EOFException e) {
            throw tree.translate(e, false, "the file ends too early (a bracket, brace or quote is not closed)");
        } catch (IOException | IllegalStateException e) {
            throw tree.translate(e, true, null);
        }
    }

    private Object readValue() throws IOException, SyntaxError {
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    SyntaxError duplicate = errorHere("appears twice in the same object");
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
                SyntaxError tooLarge = errorHere("is too large");
                String literal = reader.nextString();
                BigDecimal number = new BigDecimal(literal);
                if (JsonValues.isLong(number)) {
                    return number.longValueExact();
                }
                double d = number.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new SyntaxError(tooLarge.line, tooLarge.column, "the number " + literal + " "
                            + tooLarge.what);
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
            default -> throw errorHere("unexpected " + token);
        }
    }

    /** An error at the token the reader is at ({@code JsonReader.toString()} is the only public way to it). */
    private SyntaxError errorHere(String what) {
        Matcher m = READER_LOCATION.matcher(reader.toString());
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            return new SyntaxError(line, culpritColumn(line, Integer.parseInt(m.group(2))), what);
        }
        return new SyntaxError(1, 1, what);
    }

    /** Gson's exception as a {@link SyntaxError}; at the end of input the position is kept as Gson gives it. */
    private SyntaxError translate(Exception e, boolean findCulprit, String whatOverride) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = GSON_LOCATION.matcher(message);
        String what = whatOverride != null ? whatOverride : explain(m.matches() ? m.group(1) : message);
        SyntaxError error;
        if (m.matches()) {
            int line = Integer.parseInt(m.group(2));
            int column = Integer.parseInt(m.group(3));
            error = new SyntaxError(line, findCulprit ? culpritColumn(line, column) : column, what);
        } else {
            error = errorHere(what);
        }
        error.initCause(e);
        return error;
    }

    /**
     * The column of the character at fault, from the column Gson reports (1 + the characters consumed on the
     * line). Usually Gson has consumed the offending character, so it is the one before. But Gson stops
     * <em>before</em> an unquoted value ({@code "a": x}), so when the character before is one that leads into a
     * value (white space, {@code :}, {@code [}, or a {@code ,} after a value), the fault is at the column itself.
     */
    private int culpritColumn(int line, int gsonColumn) {
        String text = line - 1 < lines.length ? lines[line - 1] : "";
        int prev = gsonColumn - 2; // index of the character before Gson's position
        if (prev < 0 || prev >= text.length()) {
            return Math.max(1, prev >= text.length() ? gsonColumn - 1 : gsonColumn);
        }
        char before = text.charAt(prev);
        boolean leadsIntoValue = Character.isWhitespace(before) || before == ':' || before == '['
                || before == ',' && !precededBySeparator(text, prev);
        return leadsIntoValue && gsonColumn - 1 < text.length() ? gsonColumn : gsonColumn - 1;
    }

    /** Whether the last non-blank character before index {@code i} of {@code text} is , [ or { (or none). */
    private static boolean precededBySeparator(String text, int i) {
        for (int k = i - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c)) {
                return c == ',' || c == '[' || c == '{';
            }
        }
        return true;
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
