package org.casebridge.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The chain's hash format must stay verifiable by anyone with the rows and a JDK, so the domain is plain Java; and
 * the layers depend inward only.
 */
class AuditLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casebridge.audit");

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("org.casebridge.audit.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax..",
                        "java.sql..", "com.fasterxml..", "org.casebridge.audit.app..",
                        "org.casebridge.audit.persistence..", "org.casebridge.audit.web..")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerKnowsTheWebLayer() {
        noClasses().that().resideInAnyPackage("org.casebridge.audit.app..", "org.casebridge.audit.persistence..")
                .should().dependOnClassesThat().resideInAPackage("org.casebridge.audit.web..")
                .check(classes);
    }
}
