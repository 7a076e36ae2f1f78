package org.casebridge.security;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import org.casebridge.infra.junit.NodeTestProperties;
import org.casebridge.security.token.RsaKeys;
import org.casebridge.support.problem.ProblemDetail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** Properties and helpers shared by the security integration tests. */
public final class SecurityTestNode {

    public static final String AGENCY = "DE-BKA";

    /** The signing key the test nodes are configured with, so tests can mint tokens the node trusts. */
    public static final KeyPair NODE_KEY = RsaKeys.generate();

    private SecurityTestNode() {
    }

    /**
     * Node properties on a fresh database with {@link #NODE_KEY} as the JWT signing key and the adjustable clock.
     */
    public static Map<String, String> properties(String databasePrefix) {
        Map<String, String> properties = new LinkedHashMap<>(NodeTestProperties.forAgency(AGENCY, databasePrefix));
        properties.put("casebridge.security.jwt.private-key", RsaKeys.toPkcs8Pem((RSAPrivateKey) NODE_KEY.getPrivate()));
        properties.put(AdjustableClock.ENABLED, "true");
        return properties;
    }

    /** The problem body of an error response. */
    public static ProblemDetail problem(HttpClientResponseException error, JsonMapper json) {
        String body = error.getResponse().getBody(String.class).orElseThrow(
                () -> new AssertionError("no body in " + error.getStatus() + " response"));
        try {
            return json.readValue(body, ProblemDetail.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a problem body: " + body, e);
        }
    }
}
