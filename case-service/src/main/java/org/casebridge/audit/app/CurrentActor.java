package org.casebridge.audit.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Who is acting right now, for the audit log: the authenticated user of the current HTTP request, or one of the
 * machine actors (the node itself, a partner agency) for work outside requests.
 */
@Singleton
public class CurrentActor {

    /** Request attribute holding the request id; set by the web layer's request id filter. */
    public static final String REQUEST_ID_ATTRIBUTE = "casebridge.requestId";

    private final AgencyConfiguration agency;

    public CurrentActor(AgencyConfiguration agency) {
        this.agency = agency;
    }

    /** The actor of the HTTP request being handled on this thread, if there is one. */
    public Optional<AuditActor> ofCurrentRequest() {
        return ServerRequestContext.currentRequest().map(this::ofRequest);
    }

    /**
     * The actor of the HTTP request being handled on this thread.
     *
     * @throws IllegalStateException outside an HTTP request, where the caller must name the actor itself
     */
    public AuditActor require() {
        return ofCurrentRequest().orElseThrow(() -> new IllegalStateException(
                "no HTTP request on this thread: pass the audit actor explicitly (system or partner)"));
    }

    /** The actor of a request: its authenticated user, or {@code anonymous} before authentication. */
    public AuditActor ofRequest(HttpRequest<?> request) {
        String requestId = request.getAttribute(REQUEST_ID_ATTRIBUTE, String.class).orElse(null);
        return request.getUserPrincipal(Authentication.class)
                .map(user -> AuditActor.user(user.getName(), agencyOf(user), user.getRoles(), requestId))
                .orElseGet(() -> AuditActor.user(AuditActor.ANONYMOUS_USERNAME, agency.getCode(), null, requestId));
    }

    /** This node, for work no user asked for (schedulers, the outbox relay, start-up). */
    public AuditActor system(String runId) {
        return AuditActor.system(agency.getCode(), runId);
    }

    /** A partner agency, for a message it sent (the message id goes where a request id would). */
    public AuditActor partner(String partnerAgency, String messageId) {
        return AuditActor.partner(partnerAgency, messageId);
    }

    /** Users belong to this node's agency unless their token says otherwise (a token from a shared IdP may). */
    private String agencyOf(Authentication user) {
        return user.getAttributes().get("agency") instanceof String claimed && !claimed.isBlank()
                ? claimed : agency.getCode();
    }
}
