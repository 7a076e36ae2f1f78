package org.casebridge.infra.junit;

import org.casebridge.directory.PartnerAgency;
import org.casebridge.infra.LocalInfrastructure;
import org.casebridge.schema.crypto.Ed25519Keys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTestPropertiesIT {

    @Test
    void givesANodeItsOwnDatabasePrincipalAndSigningKey() throws Exception {
        Map<String, String> bka = NodeTestProperties.forAgency("DE-BKA");

        assertThat(bka).containsKeys("datasources.default.url", "datasources.default.username",
                        "datasources.default.password", "kafka.bootstrap.servers")
                .containsEntry("datasources.default.driver-class-name", "org.postgresql.Driver")
                .containsEntry("kafka.security.protocol", "SASL_PLAINTEXT")
                .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("casebridge.agency.code", "DE-BKA")
                .containsEntry("micronaut.test.resources.enabled", "false");
        assertThat(bka.get("kafka.sasl.jaas.config")).contains("username=\"DE-BKA\"").doesNotContain("admin");

        try (Connection connection = DriverManager.getConnection(bka.get("datasources.default.url"),
                bka.get("datasources.default.username"), bka.get("datasources.default.password"))) {
            ResultSet rows = connection.createStatement().executeQuery("select current_database()");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("de_bka_");
        }

        PartnerAgency agency = SharedInfrastructure.directory().require("DE-BKA");
        byte[] message = "signed by DE-BKA".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(Ed25519Keys.privateKeyFromBase64(bka.get("casebridge.agency.signing-key")));
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(agency.publicKey());
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void usesAContainerOnlyWhenDockerIsAvailable() {
        String expected = LocalInfrastructure.dockerAvailable() ? "container" : "embedded";
        if (System.getProperty("casebridge.infra") == null && System.getenv("CASEBRIDGE_INFRA") == null
                && System.getenv("CASEBRIDGE_PG_URL") == null) {
            assertThat(SharedInfrastructure.get().postgres().description()).containsIgnoringCase(expected);
        }
        assertThat(SharedInfrastructure.provisioning().principals()).isEqualTo(SharedInfrastructure.directory().size());
    }

    @Test
    void everyCallGetsAFreshDatabase() {
        String first = NodeTestProperties.forAgency("NL-NHTC").get("datasources.default.url");
        String second = NodeTestProperties.forAgency("NL-NHTC").get("datasources.default.url");
        String named = SharedInfrastructure.freshDatabase("Case Service!").jdbcUrl();

        assertThat(first).isNotEqualTo(second);
        assertThat(named).contains("/case_service__");
    }
}
