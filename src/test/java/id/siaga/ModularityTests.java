package id.siaga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, enforced: domain capabilities stay plain Java, and capabilities never depend on each
 * other in a circle.
 */
class ModularityTests {

    static final String[] DOMAIN = {"id.siaga.org..", "id.siaga.location..", "id.siaga.routing..", "id.siaga.incident..",
            "id.siaga.dispatch..", "id.siaga.screening.."};

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("id.siaga");
    }

    @Test
    void domainCapabilitiesImportNoFrameworkJdbcSipOrNetty() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "javax.sip..", "gov.nist..", "io.netty..", "jakarta.servlet..", "jakarta.persistence..")
                .because("domain rules are plain Java, testable with literal inputs and an injected Clock (ARCHITECTURE.md)")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void domainCapabilitiesDoNotReachIntoAdapters() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("id.siaga.web..", "id.siaga.store..", "id.siaga.app..",
                        "id.siaga.security..", "id.siaga.telephony..", "id.siaga.journal..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void orgDependsOnNoOtherCapability() {
        noClasses().that().resideInAPackage("id.siaga.org..")
                .should().dependOnClassesThat().resideInAnyPackage("id.siaga.location..", "id.siaga.routing..", "id.siaga.incident..",
                        "id.siaga.dispatch..", "id.siaga.tracking..", "id.siaga.screening..", "id.siaga.supervision..",
                        "id.siaga.integration..")
                .check(classes);
    }

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("id.siaga.(*)..").should().beFreeOfCycles().check(classes);
    }
}
