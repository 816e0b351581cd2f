package id.siaga.app;

import id.siaga.integration.eido.EidoIdentifiers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identifiers the EIDO export ({@code GET /api/incidents/{id}/eido}) writes, after NENA-STA-010: a station is the
 * agency {@code <station id in lower case>.<agency-domain>} (Polres Sleman, {@code POLRES-3404}, is
 * {@code polres-3404.polri.go.id}); a person is {@code <username>@<their station's agency>}; the installation that
 * answers the calls and issues the EIDOs is {@code element-id}.
 *
 * @param agencyDomain the domain under which the stations' agency identifiers are made. {@code polri.go.id}, the
 *                     police's own domain; an installation that is not Polri's (a drill, a test bed) should use its own
 *                     so that its EIDOs are never taken for the police's
 * @param elementId    this installation as the functional element of NENA-STA-010 ({@code issuingElementIdentification}
 *                     and the element part of call identifiers). {@code siaga110.polri.go.id}; production: the host name
 *                     the installation is known by (per Polda, e.g. {@code siaga110.diy.polri.go.id})
 * @param subscriptionExpires the longest an EIDO conveyance subscription ({@code /ws/eido}, NENA-STA-024) lasts before the
 *                     subscriber renews it, and what a subscription that asks for no {@code expires} gets. 1 h: a subscriber
 *                     that vanished without closing its WebSocket holds nothing longer; production: 1h
 */
@ConfigurationProperties("siaga.integration.eido")
public record EidoProperties(
        @DefaultValue("polri.go.id") String agencyDomain,
        @DefaultValue("siaga110.polri.go.id") String elementId,
        @DefaultValue("1h") java.time.Duration subscriptionExpires) {

    public EidoProperties {
        if (subscriptionExpires == null || subscriptionExpires.compareTo(java.time.Duration.ofSeconds(15)) < 0) {
            throw new IllegalArgumentException("siaga.integration.eido.subscription-expires must be at least 15s, got " + subscriptionExpires);
        }
        agencyDomain = EidoIdentifiers.requireDomain("siaga.integration.eido.agency-domain", agencyDomain);
        elementId = EidoIdentifiers.requireDomain("siaga.integration.eido.element-id", elementId);
    }
}
