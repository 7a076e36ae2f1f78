package org.casebridge.support.agency;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Which agency this node belongs to ({@code casebridge.agency.code}). Every node runs for exactly one agency; there is
 * no default, so a node that was not told refuses to start.
 */
@ConfigurationProperties("casebridge.agency")
public class AgencyConfiguration {

    @NotBlank
    @Pattern(regexp = "[A-Z0-9]+(-[A-Z0-9]+)+", message = "an agency code looks like DE-BKA")
    private String code;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
