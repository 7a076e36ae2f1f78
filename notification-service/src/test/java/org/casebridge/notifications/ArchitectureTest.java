package org.casebridge.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code is plain Java; Avro types are mapped only in messaging. */
@AnalyzeClasses(packages = "org.casebridge.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "org.apache.avro..", "org.casebridge.events..", "org.casebridge.messages..",
                    "jakarta..", "reactor..");

    @ArchTest
    static final ArchRule avroOnlyInMessaging = noClasses().that().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casebridge.events..", "org.casebridge.messages..");
}
