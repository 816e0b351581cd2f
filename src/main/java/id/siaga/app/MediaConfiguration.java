package id.siaga.app;

import id.siaga.telephony.media.Rtpengine;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The media plane's client: an {@link Rtpengine} when {@code siaga.media.rtpengines} lists an instance, no bean
 * otherwise (no media plane: the SDP is relayed end to end).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(RtpenginesConfigured.class)
    Rtpengine rtpengine(MediaProperties props, Clock clock) {
        log.info("media plane: rtpengine at {} (ng timeout {} ms, {} attempts, a dead instance pinged every {} ms)", props.rtpengines(),
                props.timeout().toMillis(), props.attempts(), props.retryDeadAfter().toMillis());
        return new Rtpengine(props.settings().orElseThrow(), clock);
    }

    /** Whether {@code siaga.media.rtpengines} lists anything, however it is written (YAML list, comma-separated). */
    static final class RtpenginesConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("siaga.media.rtpengines", Bindable.listOf(String.class))
                    .map(list -> list.stream().anyMatch(s -> !s.isBlank())).orElse(false);
        }
    }
}
