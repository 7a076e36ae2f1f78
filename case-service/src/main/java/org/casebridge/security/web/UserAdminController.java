package org.casebridge.security.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.casebridge.security.app.LockoutConfiguration;
import org.casebridge.security.app.NewUser;
import org.casebridge.security.app.UserAdministration;
import org.casebridge.security.app.UserChanges;
import org.casebridge.security.domain.LockoutPolicy;
import org.casebridge.security.domain.RoleNames;
import org.casebridge.security.domain.UserAccount;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** User administration of this node; administrators only. */
@Controller("/api/v1/users")
@Secured(RoleNames.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserAdminController {

    private final UserAdministration administration;
    private final LockoutPolicy lockout;
    private final Clock clock;

    public UserAdminController(UserAdministration administration, LockoutConfiguration lockout, Clock clock) {
        this.administration = administration;
        this.lockout = lockout.toPolicy();
        this.clock = clock;
    }

    @Get
    public List<UserView> list() {
        return administration.list().stream().map(this::view).toList();
    }

    @Get("/{username}")
    public UserView get(@PathVariable String username) {
        return view(administration.get(username));
    }

    @Post
    public HttpResponse<UserView> create(@Body CreateUserRequest request) {
        UserAccount user = administration.create(new NewUser(request.username(), request.displayName(),
                request.email(), request.roles(), request.password()));
        return HttpResponse.created(view(user), URI.create("/api/v1/users/" + user.username()));
    }

    @Patch("/{username}")
    public UserView update(@PathVariable String username, @Body UpdateUserRequest request) {
        return view(administration.update(username,
                new UserChanges(request.displayName(), request.email(), request.roles(), request.enabled())));
    }

    @Post("/{username}/password")
    @Status(HttpStatus.NO_CONTENT)
    public void resetPassword(@PathVariable String username, @Body PasswordResetRequest request) {
        administration.resetPassword(username, request.password());
    }

    @Post("/{username}/unlock")
    public UserView unlock(@PathVariable String username) {
        return view(administration.unlock(username));
    }

    private UserView view(UserAccount user) {
        return UserView.of(user, lockout, clock.instant());
    }
}
