package org.casebridge.security;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The security rules (lockout, password policy, roles) must stay testable without a framework. */
class SecurityDomainIsPlainJavaTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casebridge.security");

    @Test
    void domainHasNoFrameworkImports() {
        noClasses().that().resideInAPackage("org.casebridge.security.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax.persistence..", "java.sql..", "javax.sql..",
                        "org.apache.avro..", "com.nimbusds..", "com.password4j..")
                .check(classes);
    }

    @Test
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("org.casebridge.security.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.casebridge.security.app..", "org.casebridge.security.persistence..",
                        "org.casebridge.security.web..", "org.casebridge.security.token..")
                .check(classes);
    }
}
