package org.checkpointlab.model.pipeline;

import java.util.Map;
import java.util.Optional;

/**
 * An operator's resolved parameters (defaults filled in, values typed) with typed getters, as returned by
 * {@link OperatorKind#paramsOf(OperatorSpec)}. Asking for a parameter the operator does not have, or as the
 * wrong type, is a programming error and throws {@link IllegalArgumentException} naming operator and parameter.
 *
 * @param operatorId the operator, for messages
 * @param values     the resolved values by parameter name
 */
public record OperatorParams(String operatorId, Map<String, Object> values) {

    public OperatorParams {
        values = Map.copyOf(values);
    }

    public long getLong(String name) {
        return get(name, Long.class);
    }

    public double getDouble(String name) {
        return get(name, Double.class);
    }

    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    /** A {@code STRING} or {@code ENUM} parameter. */
    public String getString(String name) {
        return get(name, String.class);
    }

    /** A parameter that may have no value (an optional parameter without default, such as a sink's path). */
    public Optional<Object> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("operator '" + operatorId + "' has no value for parameter '"
                    + name + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("operator '" + operatorId + "': parameter '" + name + "' is a "
                    + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
