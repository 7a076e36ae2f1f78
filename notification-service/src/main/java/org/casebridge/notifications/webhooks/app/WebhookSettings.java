package org.casebridge.notifications.webhooks.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import org.casebridge.notifications.webhooks.domain.RetrySchedule;

/** Webhook delivery ({@code casebridge.notifications.webhooks.*}). */
@ConfigurationProperties("casebridge.notifications.webhooks")
public class WebhookSettings {

    /** Plain http endpoints are refused unless allowed (the demo and tests allow them for local receivers). */
    private boolean allowHttp = false;
    private Duration retryInitial = Duration.ofSeconds(30);
    private Duration retryMaximum = Duration.ofHours(1);
    private int maxAttempts = 8;
    /** Consecutive failed attempts, over all deliveries, after which an endpoint is disabled. */
    private int disableAfter = 8;
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isAllowHttp() {
        return allowHttp;
    }

    public void setAllowHttp(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    public Duration getRetryInitial() {
        return retryInitial;
    }

    public void setRetryInitial(Duration retryInitial) {
        this.retryInitial = retryInitial;
    }

    public Duration getRetryMaximum() {
        return retryMaximum;
    }

    public void setRetryMaximum(Duration retryMaximum) {
        this.retryMaximum = retryMaximum;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getDisableAfter() {
        return disableAfter;
    }

    public void setDisableAfter(int disableAfter) {
        this.disableAfter = disableAfter;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(retryInitial, retryMaximum, maxAttempts);
    }
}
