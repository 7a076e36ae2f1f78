package org.casebridge.security.web;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.casebridge.security.app.LoginService;
import org.casebridge.security.token.AuthenticationOfUser;

/**
 * Username and password login for {@code POST /login}. Runs on the blocking executor (Argon2 and JDBC). Every
 * refusal has the same reason, so the answer does not tell whether the user exists, is disabled or locked.
 */
@Singleton
public class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final LoginService loginService;

    public PasswordAuthenticationProvider(LoginService loginService) {
        this.loginService = loginService;
    }

    @Override
    @NonNull
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               @NonNull AuthenticationRequest<String, String> authenticationRequest) {
        return loginService.login(authenticationRequest.getIdentity(), authenticationRequest.getSecret())
                .map(user -> AuthenticationResponse.success(user.username(), AuthenticationOfUser.roles(user),
                        AuthenticationOfUser.attributes(user)))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
