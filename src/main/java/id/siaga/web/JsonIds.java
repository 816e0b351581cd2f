package id.siaga.web;

import id.siaga.dispatch.AssignmentId;
import id.siaga.incident.IncidentId;
import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Typed ids (records wrapping one string) go over the wire as that string, {@code "POLRES-3404"} rather than
 * {@code {"value":"POLRES-3404"}}, wherever a domain record is sent as it is.
 */
@Configuration(proxyBeanMethods = false)
class JsonIds {

    @Bean
    JacksonModule siagaIds() {
        SimpleModule ids = new SimpleModule("siaga-ids");
        for (Class<?> type : new Class<?>[] {StationId.class, IncidentId.class, AssignmentId.class, CallId.class, OperatorId.class}) {
            ids.addSerializer(type, ToStringSerializer.instance);
        }
        return ids;
    }
}
