package id.siaga.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A JSON body Jackson could not read, said in the client's words: which field ({@code location.latitude},
 * {@code roles[1]}), what it should hold ("a whole number", "one of BRAWL, THEFT, …") and what came. Jackson's own
 * messages name Java types ("Cannot deserialize value of type `id.siaga…`"), so they are never passed on as they are.
 */
final class JsonBodyErrors {

    /** The text in Jackson's "Cannot coerce String value ("high") to …", the one place it says what came. */
    private static final Pattern COERCED_TEXT = Pattern.compile("^Cannot coerce String value \\(\"(.*)\"\\) to ", Pattern.DOTALL);

    private JsonBodyErrors() {
    }

    static String describe(JacksonException e) {
        return describe(e, "the request body");
    }

    /** The same, for JSON that is not a request body ({@code whole}: "the message"). */
    static String describe(JacksonException e, String whole) {
        String field = field(e);
        String where = field.isEmpty() ? whole : field;
        if (e instanceof JsonBodies.UnacceptableText text) {
            return where + ": " + text.reason();
        }
        if (e instanceof PropertyBindingException) {
            return where + ": is not a field of this request";
        }
        if (e instanceof InvalidNullException) {
            return where + ": must not be null";
        }
        if (e instanceof InvalidFormatException f) {
            if (f.getValue() instanceof CharSequence s && !isTextual(f.getTargetType())) {
                return where + ": expected " + expected(f.getTargetType()) + ", got the text \"" + Problems.echo(s.toString()) + "\"";
            }
            return where + ": " + shown(f.getValue()) + " is not " + expected(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return where + ": " + cause.getMessage();
            }
            return where + ": is not " + expected(v.getType() == null ? null : v.getType().getRawClass());
        }
        if (e instanceof MismatchedInputException m) {
            JsonToken got = m.getCurrentToken();
            Matcher text = COERCED_TEXT.matcher(String.valueOf(m.getOriginalMessage()));
            String came = got == JsonToken.VALUE_STRING && text.find() ? "the text \"" + Problems.echo(text.group(1)) + "\""
                    : got == null ? null : kind(got);
            return where + ": expected " + expected(m.getTargetType()) + (came == null ? "" : ", got " + came);
        }
        if (e instanceof InputCoercionException c) {
            return where + ": the number is out of range for " + expected(c.getTargetType()) + at(e);
        }
        if (e instanceof StreamReadException) {
            return whole + " is not valid JSON: " + syntax(e.getOriginalMessage()) + at(e);
        }
        return field.isEmpty() ? whole + " cannot be read" : where + ": cannot be read";
    }

    /** The path of the field, as a client would write it: {@code location.latitude}, {@code roles[1]}. */
    static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(Problems.echo(r.getPropertyName()));
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a field of this type holds, in JSON's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (isTextual(type)) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time such as 2025-01-31T10:15:30Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-01-31";
        }
        if (type == Duration.class) {
            return "a duration such as PT5M";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static boolean isTextual(Class<?> type) {
        return type == String.class || type == CharSequence.class || type == char.class || type == Character.class;
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    private static String shown(Object value) {
        if (value instanceof CharSequence s) {
            return "\"" + Problems.echo(s.toString()) + "\"";
        }
        return value == null ? "null" : Problems.echo(String.valueOf(value));
    }

    /** Jackson's syntax message without the parts that describe its own settings rather than the body. */
    private static String syntax(String message) {
        if (message == null) {
            return "malformed";
        }
        return message.replaceAll("\\s*\\((?:start marker at )?\\[Source:[^]]*]\\)", "").replaceAll("\\s*\\[Source:[^]]*]", "").strip();
    }

    private static String at(JacksonException e) {
        TokenStreamLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }
}
