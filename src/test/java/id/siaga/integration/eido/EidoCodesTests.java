package id.siaga.integration.eido;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentType;
import id.siaga.org.StationId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The choices an EIDO receiver depends on: our priorities keep their order on EIDO's 0-10 scale with P1 at the top;
 * every type of ours has a common type; a withdrawn or closed incident never reads as active; identifiers are
 * NENA-STA-010's shapes and a setting that is not a domain name is refused, naming itself.
 */
class EidoCodesTests {

    @Test
    void prioritiesKeepTheirOrderWithTheMostUrgentAtTen() {
        assertThat(IntStream.rangeClosed(1, 5).map(EidoCodes::commonPriority).toArray()).containsExactly(10, 8, 6, 4, 2);
        assertThatThrownBy(() -> EidoCodes.commonPriority(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTypeHasACommonTypeAndEveryEndIsNotActive() {
        for (IncidentType type : IncidentType.values()) {
            assertThat(EidoCodes.incidentType(type)).as(type.name()).matches("[0-9A-Z]{3,8}");
        }
        for (IncidentStatus status : IncidentStatus.values()) {
            assertThat(EidoCodes.incidentStatus(status, false).contains("Active")).as(status.name()).isEqualTo(status.isOpen());
        }
        assertThat(EidoCodes.incidentStatus(IncidentStatus.NEW, true)).containsExactly("Active", "ReOpened");
    }

    @Test
    void identifiersHaveTheShapesOfSta010() {
        EidoIdentifiers ids = new EidoIdentifiers("Polri.go.id", "siaga110.diy.polri.go.id");
        StationId sleman = new StationId("POLRES-3404");

        assertThat(ids.agency(sleman)).isEqualTo("polres-3404.polri.go.id");
        assertThat(ids.agency(new StationId("POLDA_DIY"))).isEqualTo("polda-diy.polri.go.id");
        assertThat(ids.agent("operator.sleman1", sleman)).isEqualTo("operator.sleman1@polres-3404.polri.go.id");
        assertThat(ids.incident("1098e434-3e8b-433d-8cea-a2b612d29cd3", sleman))
                .isEqualTo("urn:emergency:uid:incidentid:1098e4343e8b433d8ceaa2b612d29cd3:polres-3404.polri.go.id");
        assertThat(ids.call("7F3A-01")).isEqualTo("urn:emergency:uid:callid:7f3a01:siaga110.diy.polri.go.id");
        assertThat(ids.component("unitSLM-R4-01", sleman)).isEqualTo("urn:emergency:uid:eidodatacomponent:unitslmr401:polres-3404.polri.go.id");
        assertThatThrownBy(() -> EidoIdentifiers.requireDomain("siaga.integration.eido.agency-domain", "polri"))
                .hasMessageStartingWith("siaga.integration.eido.agency-domain must be a domain name");
        assertThatThrownBy(() -> new EidoIdentifiers("polri.go.id", "siaga 110")).hasMessageContaining("element id");
    }
}
