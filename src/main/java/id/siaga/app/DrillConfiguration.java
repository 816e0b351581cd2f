package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.drill.Drill;
import id.siaga.incident.Incidents;
import id.siaga.location.Jurisdictions;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.registrar.OperatorPhone;
import id.siaga.telephony.registrar.OperatorPhones;
import id.siaga.tracking.internal.OsmAndHttpServer;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Drill mode, only with {@code siaga.drill.enabled=true}: it needs the SIP edge and the OsmAnd door up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DrillProperties.class)
@ConditionalOnProperty(prefix = "siaga.drill", name = "enabled", havingValue = "true")
class DrillConfiguration {

    /** Starts once the application is ready (not while beans are still being made), stops with it. */
    static final class DrillRun implements AutoCloseable {
        private final java.util.concurrent.Callable<Drill> start;
        private volatile Drill drill;

        DrillRun(java.util.concurrent.Callable<Drill> start) {
            this.start = start;
        }

        @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
        public void ready() throws Exception {
            drill = start.call();
        }

        @Override
        public void close() {
            if (drill != null) {
                drill.close();
            }
        }
    }

    /**
     * As the datasource is made, before the migrations or anything else touch it: refuses a database that is not the
     * drill's own, else empties it (see {@link DrillDatabase}). Static, with the settings bound from the environment,
     * as a post-processor must be.
     */
    @Bean
    static BeanPostProcessor drillDatabase(Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource) {
                    Binder binder = Binder.get(env);
                    DrillProperties props = binder.bindOrCreate("siaga.drill", DrillProperties.class);
                    String url = env.getProperty("spring.datasource.url");
                    DrillDatabase.requireOwn(props, url, binder.bindOrCreate("siaga.journal", JournalProperties.class));
                    DrillDatabase.empty(dataSource, url);
                }
                return bean;
            }
        };
    }

    @Bean(destroyMethod = "close")
    DrillRun drill(DrillProperties props, JournalProperties journal, Environment env, TelephonyProperties telephony, ObjectProvider<OsmAndHttpServer> osmAnd, OperatorPhones phones,
                OperatorRoster operators, Jurisdictions jurisdictions, Incidents incidents, DispatchDesk desk, CallCoordinator coordinator,
                PresenceService presence, TrackingProperties tracking) throws Exception {
        String url = env.getProperty("spring.datasource.url");
        DrillDatabase.requireOwn(props, url, journal);
        DrillDatabase.logWhere(url, journal);
        if (!telephony.enabled()) {
            throw new IllegalStateException("siaga.drill.enabled needs the SIP edge: set siaga.telephony.enabled=true");
        }
        OsmAndHttpServer door = osmAnd.getIfAvailable();
        if (door == null) {
            throw new IllegalStateException("siaga.drill.enabled needs the OsmAnd door: set siaga.tracking.osmand-port to a port (not -1)");
        }
        if (!tracking.osmandTlsBundle().isBlank()) {
            throw new IllegalStateException("siaga.drill.enabled sends its units' fixes to the OsmAnd door over plain HTTP: "
                    + "leave siaga.tracking.osmand-tls-bundle empty for a drill");
        }
        Map<String, String> positions = new LinkedHashMap<>();
        operators.all().forEach(o -> phones.phoneOf(o.id()).ifPresent(phone -> {
            if (phone instanceof OperatorPhone.Registering r) {
                positions.put(r.sipUsername(), o.id().value());
            }
        }));
        String osmAndAddress = tracking.osmandAddress().equals("0.0.0.0") ? "127.0.0.1" : tracking.osmandAddress();
        return new DrillRun(() -> Drill.start(new Drill.Settings(props.callsPerMinute(), props.medianAnswer(), props.letRingShare(), props.giveUpShare(),
                        props.humanPositions(), props.humanUnits(), props.pace()),
                new Drill.Doors(props.sipAddress(), props.sipPort(), telephony.sipAddress(), telephony.sipPort(), osmAndAddress, door.port()),
                props.phonePassword(), positions, jurisdictions.tree(), jurisdictions.areas(), operators, incidents, desk,
                operator -> presence.change(operator, Presence.READY, "latihan"), coordinator::addListener));
    }
}
