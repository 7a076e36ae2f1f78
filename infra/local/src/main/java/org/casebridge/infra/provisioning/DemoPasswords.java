package org.casebridge.infra.provisioning;

import java.util.Locale;

/** The demo federation's deterministic, publicly known agency passwords. */
final class DemoPasswords implements AgencyPasswords {

    static final DemoPasswords INSTANCE = new DemoPasswords();

    private DemoPasswords() {
    }

    @Override
    public String passwordFor(String agencyCode) {
        return "casebridge-demo-" + agencyCode.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "demo passwords";
    }
}
