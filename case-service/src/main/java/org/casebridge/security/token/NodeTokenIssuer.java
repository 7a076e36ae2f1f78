package org.casebridge.security.token;

/** What a token minted by a CaseBridge node says about where it comes from. */
public final class NodeTokenIssuer {

    /** Claim holding the agency code of the node that issued the token. */
    public static final String AGENCY_CLAIM = "agency";

    private static final String ISSUER_PREFIX = "casebridge:";

    private NodeTokenIssuer() {
    }

    /** {@code casebridge:<AGENCY-CODE>} */
    public static String issuerOf(String agencyCode) {
        return ISSUER_PREFIX + agencyCode;
    }
}
