package id.siaga.integration.eido;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * NENA's published EIDO schema (src/test/resources/eido, see its README): {@code EmergencyIncidentDataObjectType} of
 * {@code openapi.yaml}, read as an OpenAPI 3.0 schema, its references into {@code NIEMComponents/*.yaml} resolved
 * from the class path relative to it.
 */
public final class EidoSchema {

    static final String LOCATION = "classpath:eido/Schema/openapi.yaml#/components/schemas/EmergencyIncidentDataObjectType";

    private static final Schema SCHEMA = load();

    private EidoSchema() {
    }

    private static Schema load() {
        Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(SchemaLocation.of(LOCATION));
        schema.initializeValidators();
        return schema;
    }

    /** Every way {@code eido} breaks the schema; empty when it is a valid EIDO. */
    public static List<String> problems(JsonNode eido) {
        List<Error> errors = SCHEMA.validate(eido);
        return errors.stream().map(Error::toString).toList();
    }
}
