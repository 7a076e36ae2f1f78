package org.casebridge.node;

import io.micronaut.runtime.Micronaut;

/** Starts one agency node: the case-service of a single agency. */
public final class CaseServiceApplication {

    private CaseServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(CaseServiceApplication.class)
                .banner(false)
                .start();
    }
}
