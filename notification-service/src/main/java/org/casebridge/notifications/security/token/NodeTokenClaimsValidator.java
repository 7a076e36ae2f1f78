package org.casebridge.notifications.security.token;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Accepts only access tokens the node's own case-service issued: issuer {@code casebridge:<AGENCY-CODE>} and claim
 * {@code agency = <AGENCY-CODE>}. The signature is checked against the case-service's published keys (JWKS).
 */
@Singleton
public class NodeTokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    /** Claim holding the agency code of the issuing node. */
    public static final String AGENCY_CLAIM = "agency";

    private final String agencyCode;
    private final String issuer;

    public NodeTokenClaimsValidator(AgencyConfiguration agency) {
        this.agencyCode = agency.getCode();
        this.issuer = "casebridge:" + agencyCode;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return agencyCode.equals(claims.get(AGENCY_CLAIM)) && issuer.equals(claims.get(Claims.ISSUER));
    }
}
