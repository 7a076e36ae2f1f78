package org.casebridge.infra;

import java.util.Objects;

/**
 * A SASL principal of the Kafka cluster: the admin, or an agency (username = agency code).
 */
public record KafkaCredentials(String username, String password) {

    public KafkaCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "KafkaCredentials[username=" + username + "]";
    }
}
