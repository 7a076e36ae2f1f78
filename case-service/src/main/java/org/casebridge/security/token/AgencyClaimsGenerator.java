package org.casebridge.security.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import jakarta.inject.Singleton;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Stamps every access token with the node that issued it: {@code iss = casebridge:<AGENCY-CODE>} and
 * {@code agency = <AGENCY-CODE>}. {@link AgencyClaimsValidator} refuses tokens of other nodes on that basis.
 */
@Singleton
@Replaces(JWTClaimsSetGenerator.class)
public class AgencyClaimsGenerator extends JWTClaimsSetGenerator {

    private final String agencyCode;

    public AgencyClaimsGenerator(TokenConfiguration tokenConfiguration,
                                 @Nullable JtiGenerator jwtIdGenerator,
                                 @Nullable ClaimsAudienceProvider claimsAudienceProvider,
                                 @Nullable ApplicationConfiguration applicationConfiguration,
                                 AgencyConfiguration agency) {
        super(tokenConfiguration, jwtIdGenerator, claimsAudienceProvider, applicationConfiguration);
        this.agencyCode = agency.getCode();
    }

    @Override
    protected void populateIss(JWTClaimsSet.Builder builder) {
        builder.issuer(NodeTokenIssuer.issuerOf(agencyCode));
    }

    @Override
    protected void populateWithAuthentication(JWTClaimsSet.Builder builder, Authentication authentication) {
        super.populateWithAuthentication(builder, authentication);
        // After the attributes, so an attribute can never override where the token comes from.
        builder.claim(NodeTokenIssuer.AGENCY_CLAIM, agencyCode);
        builder.issuer(NodeTokenIssuer.issuerOf(agencyCode));
    }
}
