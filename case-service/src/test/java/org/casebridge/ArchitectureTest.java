package org.casebridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering every feature of the node follows: domain code is plain Java, adapters depend inward, and only
 * messaging code speaks the wire contract.
 */
class ArchitectureTest {

    private static final JavaClasses NODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casebridge");

    @Test
    void domainCodeIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("org.casebridge..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax.sql..", "java.sql..", "org.apache.avro..",
                        "org.apache.kafka..", "com.fasterxml..", "io.micrometer..", "reactor..",
                        "org.casebridge.messages..", "org.casebridge.events..")
                .because("domain rules must be testable and readable without any framework")
                .check(NODE);
    }

    @Test
    void domainCodeDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("org.casebridge..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.casebridge..app..", "org.casebridge..persistence..", "org.casebridge..web..",
                        "org.casebridge..messaging..")
                .check(NODE);
    }

    @Test
    void webAndPersistenceDoNotSpeakTheWireContract() {
        noClasses().that().resideInAnyPackage("org.casebridge..web..", "org.casebridge..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casebridge.messages..",
                        "org.casebridge.events..")
                .because("mapping between Avro messages and the domain happens only in messaging packages")
                .check(NODE);
    }

    @Test
    void persistenceDoesNotDependOnTheWebLayer() {
        noClasses().that().resideInAPackage("org.casebridge..persistence..")
                .should().dependOnClassesThat().resideInAPackage("org.casebridge..web..")
                .check(NODE);
    }
}
