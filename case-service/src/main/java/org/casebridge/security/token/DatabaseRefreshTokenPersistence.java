package org.casebridge.security.token;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.errors.IssuingAnAccessTokenErrorCode;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.casebridge.security.app.RefreshTokenService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/** Connects Micronaut's refresh-token flow ({@code POST /oauth/access_token}) to {@link RefreshTokenService}. */
@Singleton
public class DatabaseRefreshTokenPersistence implements RefreshTokenPersistence {

    private final RefreshTokenService refreshTokens;
    private final Scheduler blocking;

    public DatabaseRefreshTokenPersistence(RefreshTokenService refreshTokens,
                                           @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.refreshTokens = refreshTokens;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public void persistToken(RefreshTokenGeneratedEvent event) {
        refreshTokens.store(event.getAuthentication().getName(), event.getRefreshToken());
    }

    @Override
    public Publisher<Authentication> getAuthentication(String refreshToken) {
        // JDBC must not run on the event loop that called us.
        return Mono.fromCallable(() -> refreshTokens.redeem(refreshToken))
                .subscribeOn(blocking)
                .flatMap(user -> user.map(AuthenticationOfUser::of).map(Mono::just)
                        .orElseGet(() -> Mono.error(new OauthErrorResponseException(
                                IssuingAnAccessTokenErrorCode.INVALID_GRANT,
                                "The refresh token is invalid, expired or revoked", null))));
    }
}
