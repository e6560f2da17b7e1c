package io.canvass.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules every JSON body is read with, in one place instead of on each field:
 * <ul>
 * <li>a string holding U+0000 or an unpaired surrogate is refused ({@link StoredText});</li>
 * <li>a date or time outside 1900–2199 is refused ({@link Dates});</li>
 * <li>a decimal whose exponent is beyond ±{@value #MAX_SCALE} is refused: no amount, rate or
 * measure is like that, and writing one out in full (as text or as a PostgreSQL numeric) costs time
 * and memory out of all proportion (Jackson already caps a number at 1000 digits);</li>
 * <li>a number too large for a double (1e400 would become Infinity) is refused;</li>
 * <li>an enum is given by its name only, never by its position (a number);</li>
 * <li>a value has the JSON type its field declares: no number or boolean read as text, no text or
 * fraction read as a whole number, no text read as a number (amounts, which the API writes as text,
 * excepted) or a boolean, and no null for a value that cannot be absent.</li>
 * </ul>
 * A refusal is a {@link Refused} with the JSON path of the value, or Jackson's own mismatch for a
 * wrong type ({@link #expected} says what was expected), which {@link ProblemMappers} answers as a
 * 400 validation problem naming that field.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    static final int MAX_SCALE = 1000;

    /** A value that is well-formed JSON but not acceptable; its message says why. */
    public static class Refused extends JsonMappingException {
        public Refused(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule rules = new SimpleModule("canvass-input-rules");
        checked(rules, String.class, StringDeserializer.instance, JsonInputRules::text);
        rules.addKeyDeserializer(String.class, new TextKeys());
        checked(rules, BigDecimal.class, NumberDeserializers.BigDecimalDeserializer.instance, JsonInputRules::decimal);
        checked(rules, Double.class, new NumberDeserializers.DoubleDeserializer(Double.class, null), JsonInputRules::finite);
        checked(rules, Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.d), JsonInputRules::finite);
        checked(rules, Float.class, new NumberDeserializers.FloatDeserializer(Float.class, null), JsonInputRules::finite);
        checked(rules, Float.TYPE, new NumberDeserializers.FloatDeserializer(Float.TYPE, 0.f), JsonInputRules::finite);
        rules.setDeserializerModifier(new DatesInRange());
        mapper.registerModule(rules);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (Class<?> binary : List.of(Double.class, Double.TYPE, Float.class, Float.TYPE)) {
            mapper.coercionConfigFor(binary).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }

    /** What a value of the wrong JSON type should have been, as a field error says it. */
    static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() == JsonToken.VALUE_NULL) {
            return "must not be null";
        }
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == Boolean.TYPE) {
            return "must be true or false";
        }
        if (type == Integer.class || type == Integer.TYPE || type == Long.class || type == Long.TYPE
                || type == Short.class || type == Short.TYPE) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == Double.TYPE || type == Float.TYPE) {
            return "must be a number";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return Dates.covers(type) ? "must be a date or time in ISO 8601 form" : "has the wrong type or format";
    }

    @SuppressWarnings("unchecked")
    private static <T> void checked(SimpleModule rules, Class<T> type, JsonDeserializer<?> standard, Function<Object, String> rule) {
        rules.addDeserializer(type, (JsonDeserializer<T>) (JsonDeserializer<?>) new Checked(standard, rule));
    }

    private static String text(Object value) {
        return value instanceof String s ? StoredText.problem(s) : null;
    }

    private static String decimal(Object value) {
        return value instanceof BigDecimal d && Math.abs((long) d.scale()) > MAX_SCALE ? "is out of range" : null;
    }

    private static String finite(Object value) {
        return value instanceof Number n && Double.isInfinite(n.doubleValue()) ? "is out of range" : null;
    }

    private static String date(Object value) {
        return Dates.inRange(value) ? null : Dates.RANGE;
    }

    /** Reads with the standard deserializer, then refuses what {@code rule} says is wrong. */
    static final class Checked extends DelegatingDeserializer {
        private final transient Function<Object, String> rule;

        Checked(JsonDeserializer<?> standard, Function<Object, String> rule) {
            super(standard);
            this.rule = rule;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, rule);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            String problem = rule.apply(value);
            if (problem != null) {
                throw new Refused(p, problem);
            }
            return value;
        }
    }

    /** Map keys are text too. */
    static final class TextKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = StoredText.problem(key);
            if (problem != null) {
                throw new Refused(ctxt.getParser(), "a key " + problem);
            }
            return key;
        }
    }

    /** Wraps whatever reads a date or time (Jackson's java.time module) with the range check. */
    static final class DatesInRange extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            return Dates.covers(description.getBeanClass()) ? new Checked(deserializer, JsonInputRules::date) : deserializer;
        }
    }
}
