package org.casebridge.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditActorTest {

    @Test
    void rolesAreSortedAndDeduplicated() {
        AuditActor actor = AuditActor.user("a.admin", "DE-BKA", List.of("SUPERVISOR", "ADMIN", "ADMIN"), null);
        assertThat(actor.rolesText()).isEqualTo("ADMIN,SUPERVISOR");
    }

    @Test
    void partnerActorIsNamedAfterTheAgencyAndCarriesTheMessageId() {
        AuditActor partner = AuditActor.partner("NL-NHTC", "5b0f9f8e-2c1d-4d1e-8f57-0d1f0c8c7a11");
        assertThat(partner.username()).isEqualTo("partner:NL-NHTC");
        assertThat(partner.agency()).isEqualTo("NL-NHTC");
        assertThat(partner.roles()).isEmpty();
        assertThat(partner.requestId()).isEqualTo("5b0f9f8e-2c1d-4d1e-8f57-0d1f0c8c7a11");
    }

    @Test
    void requestIdWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> AuditActor.system("DE-BKA", "abc\nforged log line"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roleWithACommaIsRefusedBecauseRolesAreStoredCommaSeparated() {
        assertThatThrownBy(() -> AuditActor.user("x", "DE-BKA", List.of("A,B"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongDetailIsRefused() {
        assertThatThrownBy(() -> AuditEvent.success(AuditAction.CASE_READ, "CASE", "1").withDetail("x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
