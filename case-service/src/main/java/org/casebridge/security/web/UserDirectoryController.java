package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.casebridge.security.app.ServiceTokenConfiguration;
import org.casebridge.security.app.UserAdministration;
import org.casebridge.support.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * The users of this node for the node's own notification-service: who they are, their roles and where their mail
 * goes. Not for users or partners: the caller presents the node's service token in {@value #TOKEN_HEADER}, not a
 * user's JWT, so the endpoint is anonymous to the user security layer and checks the token itself.
 */
@Controller("/service/v1/user-directory")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserDirectoryController {

    /** Header carrying the service token. */
    public static final String TOKEN_HEADER = "X-CaseBridge-Service-Token";

    private final UserAdministration administration;
    private final ServiceTokenConfiguration serviceToken;

    public UserDirectoryController(UserAdministration administration, ServiceTokenConfiguration serviceToken) {
        this.administration = administration;
        this.serviceToken = serviceToken;
    }

    @Get
    public List<DirectoryEntry> list(@Header(TOKEN_HEADER) @Nullable String token) {
        if (!serviceToken.enabled()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no service token is configured on this node");
        }
        if (!serviceToken.matches(token)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "the " + TOKEN_HEADER + " header is missing or wrong");
        }
        return administration.list().stream()
                .map(user -> new DirectoryEntry(user.id(), user.username(), user.displayName(), user.email(),
                        user.roles().stream().map(Enum::name).sorted().toList(), user.enabled()))
                .toList();
    }

    /** One user as the notification-service needs them. */
    @Serdeable
    public record DirectoryEntry(UUID id, String username, String displayName, String email, List<String> roles,
                                 boolean enabled) {
    }
}
