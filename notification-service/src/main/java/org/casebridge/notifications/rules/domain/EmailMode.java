package org.casebridge.notifications.rules.domain;

/** How a user wants notifications by e-mail. */
public enum EmailMode {
    /** One e-mail per notification, as it happens (the default). */
    IMMEDIATE,
    /** One e-mail a day listing the day's notifications. */
    DIGEST,
    /** In-app only. */
    OFF
}
