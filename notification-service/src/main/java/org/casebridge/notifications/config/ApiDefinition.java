package org.casebridge.notifications.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Metadata of the generated OpenAPI document, served at {@code /swagger/casebridge-notification-service-1.yml} with
 * Swagger UI at {@code /swagger-ui/}.
 */
@OpenAPIDefinition(
        info = @Info(title = "CaseBridge notification service", version = "1",
                description = "Notifications of one CaseBridge agency node: the signed-in user's notifications and "
                        + "their live stream, subscriptions, and webhooks for administrators. Access tokens are the "
                        + "node's case-service's. Errors are RFC 9457 problem bodies (application/problem+json).",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ApiDefinition {

    private ApiDefinition() {
    }
}
