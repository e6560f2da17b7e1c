package io.canvass.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The rules every JSON body is read with, in one place instead of on each field:
 * <ul>
 * <li>a string holding U+0000 or an unpaired surrogate is refused ({@link StoredText});</li>
 * <li>a date or time outside 1900–2199 is refused ({@link Dates});</li>
 * <li>a decimal whose exponent is beyond ±{@value #MAX_SCALE} is refused: no amount, rate or
 * measure is like that, and writing one out in full (as text or as a PostgreSQL numeric) costs time
 * and memory out of all proportion (Jackson already caps a number at 1000 digits);</li>
 * <li>a number too large for a double (1e400 would become Infinity) is refused;</li>
 * <li>an enum is given by its name only, never by its position (a number).</li>
 * </ul>
 * A refusal is a {@link Refused} with the JSON path of the value, which {@link ProblemMappers}
 * answers as a 400 validation problem naming that field.
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
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
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
