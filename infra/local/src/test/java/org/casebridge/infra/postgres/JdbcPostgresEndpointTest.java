package org.casebridge.infra.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcPostgresEndpointTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://127.0.0.1:5432/postgres, jdbc:postgresql://127.0.0.1:5432/cases",
            "jdbc:postgresql://db:5432/postgres?sslmode=require, jdbc:postgresql://db:5432/cases?sslmode=require",
            "jdbc:postgresql://db1:5432;db2:5432/, jdbc:postgresql://db1:5432;db2:5432/cases",
            "jdbc:postgresql://db, jdbc:postgresql://db/cases",
    })
    void pointsTheUrlAtAnotherDatabase(String url, String expected) {
        assertThat(JdbcPostgresEndpoint.withDatabase(url, "cases")).isEqualTo(expected);
    }
}
