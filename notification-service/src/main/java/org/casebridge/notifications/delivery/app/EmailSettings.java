package org.casebridge.notifications.delivery.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** E-mail delivery ({@code casebridge.notifications.email.*}); the SMTP server itself is {@code javamail.*}. */
@ConfigurationProperties("casebridge.notifications.email")
public class EmailSettings {

    private boolean enabled = true;
    private String from = "casebridge@localhost";
    private int maxAttempts = 8;
    private Duration retryInitial = Duration.ofSeconds(30);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryInitial() {
        return retryInitial;
    }

    public void setRetryInitial(Duration retryInitial) {
        this.retryInitial = retryInitial;
    }
}
