package id.siaga.web;

import static id.siaga.support.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies of the API fuzzed (docs/FUZZING.md): the input is a request type's name, a line break, and the body.
 * The application's mapper (Spring Boot's Jackson configuration with the settings of application.yml and the
 * application's modules) reads it into that request record, as Spring MVC does before a controller runs, and Bean
 * Validation checks it, as {@code @Valid} does. Either step may refuse the body (a {@link JacksonException}, a
 * constraint violation: both a 400); anything else thrown would be a 500.
 */
class JsonBodyFuzzTests {

    /** Every {@code @RequestBody} type of the API. */
    private static final List<Class<?>> BODIES = List.of(IncidentViews.NewIncidentRequest.class, IncidentViews.NoteRequest.class,
            IncidentViews.PriorityRequest.class, IncidentViews.StatusRequest.class, IncidentViews.LinkRequest.class,
            IncidentViews.MergeRequest.class, StationsController.StatusChange.class, OperatorsController.PresenceChange.class,
            DispatchController.Sending.class, DispatchController.StatusChange.class, DispatchController.Cancelling.class,
            OfficerController.PhoneFix.class, ApiKeysController.NewKey.class, CallbacksController.Closing.class, AmlController.Sms.class,
            TextsController.ReplyRequest.class);
    private static final JsonMapper JSON = applicationMapper();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    static Stream<byte[]> body() {
        return Fuzzing.texts(
                "NewIncidentRequest\n{\"type\":\"TRAFFIC_ACCIDENT\",\"priority\":2,\"callId\":\"7f3a\",\"location\":{\"latitude\":-7.7156,"
                        + "\"longitude\":110.3558,\"uncertaintyMeters\":15},\"address\":\"Jl. Kaliurang km 7\",\"description\":\"two motorbikes\","
                        + "\"callerNumber\":\"+6281234567890\",\"callerName\":\"Budi\",\"channel\":\"POLISIKU\",\"externalReference\":\"PK-1\"}",
                "NewIncidentRequest\n{\"type\":\"THEFT\",\"priority\":1.5,\"description\":\"\\ud800\"}",
                "NoteRequest\n{\"text\":\"lone \\udfff note\"}",
                "NoteRequest\n{\"text\":\"a\\u0000b\"}",
                "PriorityRequest\n{\"priority\":3,\"version\":4}",
                "StatusRequest\n{\"status\":\"RESOLVED\",\"reason\":\"handled on scene\",\"version\":7}",
                "LinkRequest\n{\"incident\":\"INC-2026-000123\"}",
                "MergeRequest\n{\"into\":\"INC-2026-000124\"}",
                "StatusChange\n{\"status\":\"LIVE\",\"reason\":\"rollout\"}",
                "PresenceChange\n{\"presence\":\"READY\"}",
                "Sending\n{\"unit\":\"SLM-R4-01\"}",
                "Cancelling\n{\"reason\":\"duplicate\"}",
                "PhoneFix\n{\"latitude\":-7.7156,\"longitude\":110.3558,\"accuracy\":12.5,\"speed\":3.2,\"heading\":90,\"timestamp\":1795860927456}",
                "NewKey\n{\"name\":\"SMS gateway\",\"roles\":[\"INTEGRATION\"],\"station\":\"POLDA-34\"}",
                "Closing\n{\"outcome\":\"caller reached, no police needed\"}",
                "Sms\n{\"sender\":\"+6281234567890\",\"text\":\"A\\\"ML=1;lt=-7.71560;lg=+110.35580;rd=14;ml=44\"}");
    }

    @MethodSource
    @FuzzTest
    void body(byte[] input) {
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        Class<?> type = type(new String(input, 0, newline, StandardCharsets.ISO_8859_1));
        byte[] json = newline < input.length ? Arrays.copyOfRange(input, newline + 1, input.length) : new byte[0];
        Object request;
        try {
            request = JSON.readValue(json, type);
        } catch (JacksonException e) {
            return; // 400: not a body of that type
        }
        if (request == null) {
            return; // the body was JSON null: Spring MVC refuses a required body that is missing
        }
        check(type.isInstance(request), () -> "read a " + request.getClass() + " for " + type);
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        for (ConstraintViolation<Object> v : violations) {
            check(v.getPropertyPath() != null && v.getMessage() != null, () -> "violation without a field or a message: " + v);
        }
    }

    /** The request type the first line names; any other line picks one by its length, so every input reaches some type. */
    private static Class<?> type(String name) {
        for (Class<?> body : BODIES) {
            if (body.getSimpleName().equals(name)) {
                return body;
            }
        }
        return BODIES.get(name.length() % BODIES.size());
    }

    /**
     * The JsonMapper bean of the application: Spring Boot's Jackson auto-configuration, the {@code spring.jackson.*}
     * settings of application.yml, and the application's own Jackson configuration ({@link JsonIds}; a class that adds
     * a module or a customizer for request bodies belongs in this list too).
     */
    private static JsonMapper applicationMapper() {
        AtomicReference<JsonMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(JsonIds.class)
                .run(context -> mapper.set(context.getBean(JsonMapper.class)));
        return mapper.get();
    }
}
