package org.casebridge.security.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccountRepository extends CrudRepository<UserAccountRow, UUID> {

    Optional<UserAccountRow> findByUsername(String username);

    /** Locks the row until the transaction ends, so concurrent failed logins are all counted. */
    Optional<UserAccountRow> findByUsernameForUpdate(String username);

    boolean existsByUsername(String username);

    List<UserAccountRow> listOrderByUsername();

    @Query("SELECT count(*) FROM user_account WHERE enabled AND 'ADMIN' = ANY(roles)")
    long countEnabledAdmins();
}
