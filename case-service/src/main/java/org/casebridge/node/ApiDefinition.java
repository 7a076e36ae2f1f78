package org.casebridge.node;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Metadata of the generated OpenAPI document, served at {@code /swagger/casebridge-agency-node-1.yml} with Swagger UI at {@code /swagger-ui/}. */
@OpenAPIDefinition(
        info = @Info(title = "CaseBridge agency node", version = "1",
                description = "Cases, sharing between agencies, deliveries and audit of one CaseBridge agency node. "
                        + "Errors are RFC 9457 problem bodies (application/problem+json).",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ApiDefinition {

    private ApiDefinition() {
    }
}
