package org.casebridge.security.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshTokenRow, String> {

    /** Revokes every live refresh token of the user; returns how many. */
    @Query("UPDATE refresh_token SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOfUser(UUID userId, Instant at);

    /** Forgets tokens that can no longer be used anyway. */
    @Query("DELETE FROM refresh_token WHERE user_id = :userId AND expires_at < :before")
    int deleteExpiredOfUser(UUID userId, Instant before);

    @Query("SELECT count(*) FROM refresh_token WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now")
    long countLiveOfUser(UUID userId, Instant now);
}
