package org.checkpointlab.model.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of an {@link OperatorKind}: its name in pipeline files, type, default, allowed range or words,
 * and a description for users. {@link #problem(Object)} checks a value from a file; {@link #coerce(Object)} turns a
 * valid value into the parameter's Java type.
 *
 * @param name          name in the operator's {@code params} object, e.g. {@code "costMicros"}
 * @param type          value type
 * @param defaultValue  value used when the file does not give one ({@link Long}, {@link Double}, {@link Boolean}
 *                      or {@link String}), or {@code null} when there is none
 * @param min           smallest allowed number (inclusive), or {@code null}; numeric types only
 * @param max           largest allowed number (inclusive), or {@code null}; numeric types only
 * @param allowedValues the words an {@link ParamType#ENUM} accepts; empty for other types
 * @param description   one sentence for users
 * @param required      whether a file must give a value (only meaningful without a default)
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, Number min, Number max,
                        List<String> allowedValues, String description, boolean required) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        if (type == ParamType.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("enum parameter '" + name + "' needs allowed values");
        }
        if (defaultValue != null) {
            Optional<String> problem = problemOf(name, type, min, max, allowedValues, defaultValue);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("default of parameter '" + name + "' " + problem.get());
            }
        }
    }

    /** A whole-number parameter; {@code min} and {@code max} may be {@code null} for no bound. */
    public static ParamSpec ofLong(String name, long defaultValue, Long min, Long max, String description) {
        return new ParamSpec(name, ParamType.LONG, defaultValue, min, max, List.of(), description, false);
    }

    /** A number parameter; {@code min} and {@code max} may be {@code null} for no bound. */
    public static ParamSpec ofDouble(String name, double defaultValue, Double min, Double max, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, min, max, List.of(), description, false);
    }

    public static ParamSpec ofBoolean(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, null, null, List.of(), description, false);
    }

    /** A text parameter without default; {@code required} says whether the file must give it. */
    public static ParamSpec ofString(String name, boolean required, String description) {
        return new ParamSpec(name, ParamType.STRING, null, null, null, List.of(), description, required);
    }

    public static ParamSpec ofEnum(String name, String defaultValue, List<String> allowedValues,
                                   String description) {
        return new ParamSpec(name, ParamType.ENUM, defaultValue, null, null, allowedValues, description, false);
    }

    /**
     * What is wrong with {@code value} for this parameter, as the end of a sentence that starts with the
     * parameter ({@code "must be >= 0, was -5"}); empty when the value is fine.
     */
    public Optional<String> problem(Object value) {
        return problemOf(name, type, min, max, allowedValues, value);
    }

    /**
     * The value as this parameter's Java type: {@link Long}, {@link Double}, {@link Boolean} or {@link String}.
     *
     * @throws IllegalArgumentException naming the parameter when the value is not valid
     */
    public Object coerce(Object value) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException("parameter '" + name + "' " + p);
        });
        return switch (type) {
            case LONG -> JsonValues.toBigDecimal((Number) value).longValueExact();
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN, STRING, ENUM -> value;
        };
    }

    /** A short description of the accepted values, e.g. {@code "whole number >= 0"} or {@code "count | ms"}. */
    public String constraint() {
        return switch (type) {
            case LONG -> "whole number" + rangeText();
            case DOUBLE -> "number" + rangeText();
            case BOOLEAN -> "true | false";
            case STRING -> "text";
            case ENUM -> String.join(" | ", allowedValues);
        };
    }

    private String rangeText() {
        if (min != null && max != null) {
            return " from " + min + " to " + max;
        }
        if (min != null) {
            return " >= " + min;
        }
        if (max != null) {
            return " <= " + max;
        }
        return "";
    }

    private static Optional<String> problemOf(String name, ParamType type, Number min, Number max,
                                              List<String> allowed, Object value) {
        if (value == null) {
            return Optional.of("has no value");
        }
        String was = ", was " + JsonValues.describe(value);
        switch (type) {
            case LONG -> {
                BigDecimal d = value instanceof Number n ? JsonValues.toBigDecimal(n) : null;
                if (d == null || !JsonValues.isIntegral(d)) {
                    return Optional.of("must be a whole number" + was);
                }
                if (!JsonValues.isLong(d)) {
                    return Optional.of("is too large for a whole number" + was);
                }
                return rangeProblem(d, min, max, was);
            }
            case DOUBLE -> {
                BigDecimal d = value instanceof Number n ? JsonValues.toBigDecimal(n) : null;
                if (d == null) {
                    return Optional.of("must be a number" + was);
                }
                return rangeProblem(d, min, max, was);
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false" + was);
            }
            case STRING -> {
                return value instanceof String ? Optional.empty() : Optional.of("must be text" + was);
            }
            case ENUM -> {
                return value instanceof String s && allowed.contains(s) ? Optional.empty()
                        : Optional.of("must be one of " + String.join(", ", allowed) + was);
            }
            default -> throw new AssertionError(type);
        }
    }

    private static Optional<String> rangeProblem(BigDecimal value, Number min, Number max, String was) {
        if (min != null && value.compareTo(JsonValues.toBigDecimal(min)) < 0) {
            return Optional.of("must be >= " + min + was);
        }
        if (max != null && value.compareTo(JsonValues.toBigDecimal(max)) > 0) {
            return Optional.of("must be <= " + max + was);
        }
        return Optional.empty();
    }
}
