package org.casebridge.schema.tools;

import org.casebridge.schema.WorkedExample;

/** Prints the worked example of the partner guide (docs/partner-integration.md), byte by byte. */
public final class PrintWorkedExample {

    private PrintWorkedExample() {
    }

    public static void main(String[] args) {
        System.out.println(WorkedExample.describe());
    }
}
