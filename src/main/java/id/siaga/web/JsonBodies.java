package id.siaga.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How the application's JSON mapper reads request bodies, for every API at once: each string field passes
 * {@link TextRule} (a lone surrogate, NUL or another control character is a 400 that names the field), and a value of
 * the wrong kind is refused instead of guessed at: {@code "priority": 1.5} is not 1, {@code "priority": "2"} is not 2,
 * {@code "type": 3} is not the fourth type.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

    @Bean
    JacksonModule siagaText() {
        return textModule();
    }

    @Bean
    JsonMapperBuilderCustomizer siagaStrictValues() {
        return JsonBodies::strict;
    }

    /** The module that applies {@link TextRule} to every string a body holds. */
    static SimpleModule textModule() {
        SimpleModule text = new SimpleModule("siaga-text");
        text.addDeserializer(String.class, new CheckedText());
        return text;
    }

    /** No coercion between kinds of value: a number is a number, a whole number is whole, an enum is named. */
    static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** The application's mapper as far as request bodies go: for tests that read bodies as the server does. */
    static JsonMapper mapper() {
        return strict(JsonMapper.builder()).addModule(textModule()).build();
    }

    /** A string field read as Jackson reads it, then held to {@link TextRule}. */
    static final class CheckedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null) {
                TextRule.problem(text).ifPresent(reason -> {
                    throw new UnacceptableText(p, reason, text);
                });
            }
            return text;
        }
    }

    /** A string field that {@link TextRule} refuses; Jackson adds the field's path on the way out. */
    static final class UnacceptableText extends InvalidFormatException {

        private final String reason;

        UnacceptableText(JsonParser p, String reason, String text) {
            super(p, reason, text, String.class);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
