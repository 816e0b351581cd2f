package id.siaga.telephony.registrar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The registrar is protocol logic, testable with literal values: the SIP stack and the frameworks stay at the edge. */
class RegistrarPlainJavaTests {

    @Test
    void theRegistrarPackageImportsNoSipStackFrameworkOrJdbc() {
        noClasses().that().resideInAPackage("id.siaga.telephony.registrar..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..", "org.springframework..", "java.sql..",
                        "javax.sql..", "io.netty..", "jakarta..", "id.siaga.telephony.sip..")
                .because("the SIP edge calls it with plain values extracted from messages (package-info)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("id.siaga.telephony.registrar"));
    }
}
