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
 */
@ConfigurationProperties("siaga.integration.eido")
public record EidoProperties(
        @DefaultValue("polri.go.id") String agencyDomain,
        @DefaultValue("siaga110.polri.go.id") String elementId) {

    public EidoProperties {
        agencyDomain = EidoIdentifiers.requireDomain("siaga.integration.eido.agency-domain", agencyDomain);
        elementId = EidoIdentifiers.requireDomain("siaga.integration.eido.element-id", elementId);
    }
}
