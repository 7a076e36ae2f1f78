package org.casebridge.console.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.app.CurrentActor;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.security.app.LoginService;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.security.token.AuthenticationOfUser;
import org.casebridge.support.agency.AgencyConfiguration;

/** Sign in, sign out and the language choice of the console. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {

    private final LoginService logins;
    private final ConsoleSession session;
    private final AuditTrail audit;
    private final CurrentActor actors;
    private final AgencyConfiguration agency;

    public SignInController(LoginService logins, ConsoleSession session, AuditTrail audit, CurrentActor actors,
                            AgencyConfiguration agency) {
        this.logins = logins;
        this.session = session;
        this.audit = audit;
        this.actors = actors;
        this.agency = agency;
    }

    @Get("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication user) {
        if (user != null) {
            return ConsoleForms.seeOther("/");
        }
        return page(request, HttpStatus.OK, null);
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        Optional<UserAccount> user = logins.login(form.username(), form.password() == null ? "" : form.password());
        if (user.isEmpty()) {
            audit.recordSeparately(AuditEvent.failed(AuditAction.LOGIN_FAILED, "USER", null).withDetail("console"),
                    actors.ofRequest(request));
            return page(request, HttpStatus.UNAUTHORIZED, form.username());
        }
        UserAccount account = user.get();
        String requestId = request.getAttribute(CurrentActor.REQUEST_ID_ATTRIBUTE, String.class).orElse(null);
        audit.recordSeparately(AuditEvent.success(AuditAction.LOGIN_SUCCEEDED, "USER", account.username())
                        .withDetail("console"),
                AuditActor.user(account.username(), agency.getCode(), AuthenticationOfUser.roles(account), requestId));
        return ConsoleForms.seeOther("/")
                .cookie(session.open(account, request))
                .cookie(session.closePresession(request));
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        return HttpResponse.seeOther(java.net.URI.create("/sign-in?signedOut=true")).cookie(session.close(request));
    }

    /** Sets the console's language; works signed in or not. */
    @Post(value = "/language", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> language(HttpRequest<?> request, @Body LanguageForm form) {
        String back = ConsoleForms.isLocalPath(form.back()) ? form.back() : "/";
        return ConsoleLocaleResolver.supported(form.lang())
                .<MutableHttpResponse<?>>map(locale -> ConsoleForms.seeOther(back).cookie(
                        Cookie.of(ConsoleLocaleResolver.LANGUAGE_COOKIE, locale.getLanguage()).path("/")
                                .httpOnly(true).sameSite(SameSite.Strict).secure(request.isSecure())
                                .maxAge(Duration.ofDays(365))))
                .orElseGet(() -> ConsoleForms.seeOther(back));
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, @Nullable String username) {
        Map<String, Object> model = ConsoleForms.model("username", username == null ? "" : username,
                "failed", username != null,
                "signedOut", request.getParameters().contains("signedOut"));
        MutableHttpResponse<Object> response = HttpResponse.status(status);
        if (session.sessionToken(request).isPresent()) {
            // An expired or foreign session: drop it, so the pre-session binds this form.
            response.cookie(session.close(request));
        }
        Optional<String> presession = session.presession(request);
        if (presession.isEmpty()) {
            Cookie fresh = session.newPresession(request);
            response.cookie(fresh);
            model.put("csrf", session.csrfTokenFor(fresh.getValue()));
        } else {
            model.put("csrf", session.csrfTokenFor(presession.get()));
        }
        return response.body(new ModelAndView<>("sign-in", model));
    }

    /** The sign-in form. */
    @Serdeable
    public record SignInForm(@Nullable String username, @Nullable String password) {
    }

    /** The language form; {@code back} is the page to return to. */
    @Serdeable
    public record LanguageForm(@Nullable String lang, @Nullable String back) {
    }
}
