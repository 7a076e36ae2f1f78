package org.casebridge.notifications.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/** General settings of the notification-service ({@code casebridge.notifications.*}). */
@ConfigurationProperties("casebridge.notifications")
public class NotificationSettings {

    /** Base URL of the node's console, for links in e-mails and webhook payloads. */
    @NotBlank
    private String consoleUrl;

    public String getConsoleUrl() {
        return consoleUrl;
    }

    public void setConsoleUrl(String consoleUrl) {
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /** Where the console shows one notification. */
    public String linkTo(java.util.UUID notificationId) {
        return consoleUrl + "/notifications/" + notificationId;
    }
}
