package org.casebridge.notifications;

import io.micronaut.runtime.Micronaut;

/** Starts the notification-service of one agency node. */
public final class NotificationServiceApplication {

    private NotificationServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(NotificationServiceApplication.class)
                .banner(false)
                .start();
    }
}
