package id.siaga.integration.eido;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema the EIDO export is checked against is NENA's own and is really applied: NENA's sample call-transfer EIDO
 * passes it; a person's name is checked against NIEM's {@code nc:PersonType} in the NIEM files; the sample with a data
 * component stripped of its {@code $id}, with an unknown EIDO version or without a prologue's time fails it, with the
 * place named.
 */
class EidoSchemaTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode sample() throws IOException {
        try (InputStream in = EidoSchemaTests.class.getResourceAsStream("/eido/Samples/Sample call transfer EIDO.json")) {
            assertThat(in).as("NENA's sample EIDO on the class path").isNotNull();
            return JSON.readTree(in);
        }
    }

    @Test
    void nenasOwnSampleIsAValidEido() throws IOException {
        assertThat(EidoSchema.problems(sample())).isEmpty();
    }

    @Test
    void aDataComponentWithoutItsIdIsRefused() throws IOException {
        ObjectNode broken = (ObjectNode) sample();
        ((ObjectNode) broken.path("agencyComponent").path(0)).remove("$id");

        assertThat(EidoSchema.problems(broken)).singleElement().asString().contains("/agencyComponent/0").contains("$id");
    }

    @Test
    void aPersonsNameIsCheckedAgainstTheNiemTypes() throws IOException {
        ObjectNode sample = (ObjectNode) sample();
        ObjectNode person = (ObjectNode) sample.path("personComponent").path(0);
        person.putObject("ncPersonComponent").putArray("name").addObject().putArray("personFullName").addObject().put("value", "Bu Sari");
        assertThat(EidoSchema.problems(sample)).as("nc:PersonType, as NIEM has it").isEmpty();

        person.putObject("ncPersonComponent").put("name", "Bu Sari");

        assertThat(EidoSchema.problems(sample)).singleElement().asString().contains("/personComponent/0/ncPersonComponent/name");
    }

    @Test
    void anUnknownEidoVersionAndAMissingPrologueAreRefused() throws IOException {
        ObjectNode broken = (ObjectNode) sample();
        broken.put("eidoVersion", "2.0");
        ((ObjectNode) broken.path("locationComponent").path(1)).remove("lastUpdateTimeStamp");

        assertThat(EidoSchema.problems(broken)).hasSize(2).anySatisfy(p -> assertThat(p).contains("/eidoVersion"))
                .anySatisfy(p -> assertThat(p).contains("/locationComponent/1").contains("lastUpdateTimeStamp"));
    }
}
