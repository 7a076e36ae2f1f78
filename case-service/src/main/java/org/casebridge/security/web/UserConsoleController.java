package org.casebridge.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.casebridge.console.web.ConsoleForms;
import org.casebridge.security.app.LockoutConfiguration;
import org.casebridge.security.app.NewUser;
import org.casebridge.security.app.UserAdministration;
import org.casebridge.security.app.UserChanges;
import org.casebridge.security.domain.LockoutPolicy;
import org.casebridge.security.domain.Role;
import org.casebridge.security.domain.RoleNames;
import org.casebridge.security.domain.UserAccount;
import org.casebridge.support.problem.ProblemException;

/** The console's user administration: list, create, change roles, enable or disable, reset password, unlock. */
@Controller("/admin/users")
@Produces(MediaType.TEXT_HTML)
@Secured(RoleNames.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserConsoleController {

    private final UserAdministration administration;
    private final LockoutPolicy lockout;
    private final Clock clock;

    public UserConsoleController(UserAdministration administration, LockoutConfiguration lockout, Clock clock) {
        this.administration = administration;
        this.lockout = lockout.toPolicy();
        this.clock = clock;
    }

    @Get
    public MutableHttpResponse<?> list() {
        return HttpResponse.ok(new ModelAndView<>("admin/users", listModel()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(@Body UserForm form) {
        try {
            UserAccount user = administration.create(new NewUser(form.username(), form.displayName(), form.email(),
                    new LinkedHashSet<>(form.roleNames()), form.password()));
            return ConsoleForms.seeOther("/admin/users/" + user.username());
        } catch (ProblemException e) {
            Map<String, Object> model = listModel();
            model.put("form", form);
            return ConsoleForms.refused("admin/users", model, e);
        }
    }

    @Get("/{username}")
    public MutableHttpResponse<?> show(@PathVariable String username, @Nullable @QueryValue String saved) {
        try {
            Map<String, Object> model = userModel(administration.get(username));
            model.put("saved", saved != null);
            return HttpResponse.ok(new ModelAndView<>("admin/user", model));
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    @Post(value = "/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(@PathVariable String username, @Body UserForm form) {
        try {
            administration.update(username, new UserChanges(form.displayName(), form.email(),
                    new LinkedHashSet<>(form.roleNames()), "true".equals(form.enabled())));
            return ConsoleForms.seeOther("/admin/users/" + username + "?saved=true");
        } catch (ProblemException e) {
            return refusedOnUserPage(username, e);
        }
    }

    @Post(value = "/{username}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> resetPassword(@PathVariable String username, @Body UserForm form) {
        try {
            administration.resetPassword(username, form.password() == null ? "" : form.password());
            return ConsoleForms.seeOther("/admin/users/" + username + "?saved=true");
        } catch (ProblemException e) {
            return refusedOnUserPage(username, e);
        }
    }

    @Post(value = "/{username}/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> unlock(@PathVariable String username) {
        try {
            administration.unlock(username);
            return ConsoleForms.seeOther("/admin/users/" + username + "?saved=true");
        } catch (ProblemException e) {
            return refusedOnUserPage(username, e);
        }
    }

    private MutableHttpResponse<?> refusedOnUserPage(String username, ProblemException problem) {
        try {
            return ConsoleForms.refused("admin/user", userModel(administration.get(username)), problem);
        } catch (ProblemException e) {
            return ConsoleForms.errorPage(e);
        }
    }

    private Map<String, Object> listModel() {
        var now = clock.instant();
        List<UserView> users = administration.list().stream()
                .sorted(Comparator.comparing(UserAccount::username))
                .map(user -> UserView.of(user, lockout, now)).toList();
        return ConsoleForms.model("section", "admin", "users", users, "roles", Role.values(),
                "form", new UserForm("", "", "", List.of(Role.LIAISON.name()), "", "true"), "errors", Map.of());
    }

    private Map<String, Object> userModel(UserAccount user) {
        return ConsoleForms.model("section", "admin", "user", UserView.of(user, lockout, clock.instant()),
                "roles", Role.values(), "errors", Map.of());
    }

    /** The user forms; {@code enabled} is the checkbox's value, present only when checked. */
    @Serdeable
    public record UserForm(@Nullable String username, @Nullable String displayName, @Nullable String email,
                           @Nullable List<String> roles, @Nullable String password, @Nullable String enabled) {

        public List<String> roleNames() {
            return roles == null ? List.of() : roles;
        }
    }
}
