package org.casebridge.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Testcontainers mode, with Kafka in a container too; runs only where a Docker engine answers. */
@EnabledIf("org.casebridge.infra.LocalInfrastructure#dockerAvailable")
class ContainerModeIT {

    @Test
    void postgresAndKafkaContainersAreRealAndSecured() throws Exception {
        InfraSettings settings = new InfraSettings(InfraMode.TESTCONTAINERS, Optional.empty(), Optional.empty(),
                null, true);
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(settings)) {
            DatabaseCoordinates database = infrastructure.postgres().createDatabase("container_it");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password())) {
                ResultSet rows = connection.createStatement().executeQuery("show server_version");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("17.");
            }

            try (Admin admin = Admin.create(new HashMap<>(infrastructure.kafka().adminClientProperties()))) {
                assertThat(admin.describeCluster().clusterId().get()).isNotBlank();
            }
            Map<String, Object> stranger = new HashMap<>(infrastructure.kafka()
                    .clientProperties(new KafkaCredentials("stranger", "guess")));
            try (Admin client = Admin.create(stranger)) {
                assertThatThrownBy(() -> client.describeCluster().clusterId().get())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }
}
