package org.casebridge.console.web;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.security.token.AuthenticationOfUser;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * What every console page needs besides its own data: the signed-in user, the CSRF token, this node's agency, the
 * viewer's language and time zone, and the time formatter.
 */
@Singleton
public class ConsoleModel implements ViewModelProcessor<Map<String, Object>> {

    /** The cookie in which the console's script notes the browser's time zone. */
    public static final String ZONE_COOKIE = "casebridge_tz";

    private final ConsoleSession session;
    private final ConsoleLocaleResolver locales;
    private final MessageSource messages;
    private final AgencyConfiguration agency;
    private final PartnerDirectory directory;
    private final Clock clock;
    private final NotificationServiceConfiguration notifications;

    public ConsoleModel(ConsoleSession session, ConsoleLocaleResolver locales, MessageSource messages,
                        AgencyConfiguration agency, PartnerDirectory directory, Clock clock,
                        NotificationServiceConfiguration notifications) {
        this.notifications = notifications;
        this.session = session;
        this.locales = locales;
        this.messages = messages;
        this.agency = agency;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = modelAndView.getModel().orElse(null);
        if (model == null) {
            return;
        }
        try {
            Locale locale = locales.resolveOrDefault(request);
            model.putIfAbsent("lang", locale.getLanguage());
            model.putIfAbsent("languages", ConsoleLocaleResolver.SUPPORTED.stream().map(Locale::getLanguage).toList());
            model.putIfAbsent("csrf", session.csrfToken(request).orElse(""));
            model.putIfAbsent("agencyCode", agency.getCode());
            model.putIfAbsent("agencyName", directory.find(agency.getCode()).map(PartnerAgency::name)
                    .orElse(agency.getCode()));
            model.putIfAbsent("fmt", format(request));
            model.putIfAbsent("path", request.getPath());
            model.putIfAbsent("liveNotifications", notifications.getUrl().isPresent());
            request.getUserPrincipal(Authentication.class).ifPresent(user -> model.putIfAbsent("me", me(user)));
        } catch (UnsupportedOperationException e) {
            // An immutable model: the page brings everything itself.
        }
    }

    /** The formatter for this viewer. */
    public ConsoleFormat format(HttpRequest<?> request) {
        return new ConsoleFormat(zone(request), locales.resolveOrDefault(request), messages, clock);
    }

    /** The viewer's time zone: the browser's, else this agency's, else UTC. */
    public ZoneId zone(HttpRequest<?> request) {
        return ConsoleSession.cookieValue(request, ZONE_COOKIE)
                .map(value -> java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))
                .flatMap(ConsoleModel::zoneOf)
                .or(() -> directory.find(agency.getCode()).map(PartnerAgency::timeZone))
                .orElse(ZoneOffset.UTC);
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> me(Authentication user) {
        Collection<String> roles = user.getRoles();
        Object displayName = user.getAttributes().get(AuthenticationOfUser.NAME_CLAIM);
        return Map.of(
                "username", user.getName(),
                "displayName", displayName == null ? user.getName() : displayName.toString(),
                "roles", List.copyOf(roles),
                "worksCases", roles.contains("LIAISON") || roles.contains("SUPERVISOR"),
                "supervisor", roles.contains("SUPERVISOR"),
                "analyst", roles.contains("ANALYST") || roles.contains("ADMIN"),
                "admin", roles.contains("ADMIN"));
    }
}
