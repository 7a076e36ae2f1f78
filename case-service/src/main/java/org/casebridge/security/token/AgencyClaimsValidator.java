package org.casebridge.security.token;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts only tokens this node issued for its own agency. A token another node minted, even one whose signature
 * verifies (a shared identity provider, a copied key), is refused: users of one agency have no session at another.
 */
@Singleton
public class AgencyClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyClaimsValidator.class);

    private final String agencyCode;
    private final String issuer;

    public AgencyClaimsValidator(AgencyConfiguration agency) {
        this.agencyCode = agency.getCode();
        this.issuer = NodeTokenIssuer.issuerOf(agencyCode);
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        Object tokenAgency = claims.get(NodeTokenIssuer.AGENCY_CLAIM);
        Object tokenIssuer = claims.get(Claims.ISSUER);
        boolean valid = agencyCode.equals(tokenAgency) && issuer.equals(tokenIssuer);
        if (!valid) {
            LOG.debug("Refused a token for agency {} from issuer {}", tokenAgency, tokenIssuer);
        }
        return valid;
    }
}
