package org.casebridge.infra.provisioning;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningUnitTest {

    @Test
    void agencyReadsOnlyItsOwnTopicsAndWritesToEveryInbox() {
        List<AclBinding> acls = FederationProvisioner.aclsOf("DE-BKA");

        assertThat(acls).allSatisfy(acl -> assertThat(acl.entry().principal()).isEqualTo("User:DE-BKA"));
        assertThat(acls).filteredOn(acl -> acl.entry().operation() == AclOperation.READ
                        && acl.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(acl -> acl.pattern().name())
                .containsExactlyInAnyOrder("casebridge.inbox.DE-BKA", "casebridge.events.DE-BKA",
                        "casebridge.inbox.DE-BKA.dlt", "casebridge.events.DE-BKA.dlt");
        assertThat(acls).filteredOn(acl -> acl.entry().operation() == AclOperation.WRITE
                        && acl.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(acl -> acl.pattern().name() + " " + acl.pattern().patternType())
                .containsExactlyInAnyOrder("casebridge.inbox. PREFIXED", "casebridge.events.DE-BKA LITERAL",
                        "casebridge.inbox.DE-BKA.dlt LITERAL", "casebridge.events.DE-BKA.dlt LITERAL");
        assertThat(acls).filteredOn(acl -> acl.pattern().resourceType() == ResourceType.GROUP)
                .allSatisfy(acl -> {
                    assertThat(acl.pattern().name()).isEqualTo("DE-BKA");
                    assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                });
        assertThat(acls).filteredOn(acl -> acl.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID)
                .extracting(acl -> acl.pattern().name() + " " + acl.pattern().patternType() + " " + acl.entry().operation())
                .containsExactlyInAnyOrder("DE-BKA PREFIXED WRITE", "DE-BKA PREFIXED DESCRIBE");
        assertThat(acls).hasSize(16);
    }

    @Test
    void demoPasswordsAreDeterministic() {
        assertThat(AgencyPasswords.demo().passwordFor("DE-BKA")).isEqualTo("casebridge-demo-de-bka");
    }

    @Test
    void passwordsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("passwords.properties");
        Files.writeString(file, "DE-BKA=s3cret\n");
        AgencyPasswords passwords = AgencyPasswords.fromPropertiesFile(file);

        assertThat(passwords.passwordFor("DE-BKA")).isEqualTo("s3cret");
        assertThatThrownBy(() -> passwords.passwordFor("NL-NHTC"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("NL-NHTC");
        assertThat(AgencyPasswords.environmentVariable("US-CA-DOJ")).isEqualTo("CASEBRIDGE_AGENCY_PASSWORD_US_CA_DOJ");
    }

    @Test
    void topicLayouts() {
        assertThat(TopicLayout.production(6)).isEqualTo(new TopicLayout(6, (short) 3, Optional.of(2)));
        assertThatThrownBy(() -> new TopicLayout(1, (short) 1, Optional.of(2)))
                .hasMessageContaining("min.insync.replicas");
    }

    @Test
    void commandRefusesBadArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(ProvisionCommand.run(new String[] {"--bogus"}, out, errors)).isEqualTo(2);
        assertThat(ProvisionCommand.run(new String[] {"--bootstrap", "k:9092"}, out, errors)).isEqualTo(2);
        assertThat(ProvisionCommand.run(new String[] {"--partitions", "many", "--demo-passwords"}, out, errors))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown option --bogus")
                .contains("choose exactly one of")
                .contains("--partitions needs a number");
    }
}
