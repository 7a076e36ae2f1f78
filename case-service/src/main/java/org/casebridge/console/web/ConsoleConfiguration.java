package org.casebridge.console.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Settings of the web console ({@code casebridge.console.*}). */
@ConfigurationProperties("casebridge.console")
public class ConsoleConfiguration {

    /** How long a console sign-in lasts: the lifetime of the session cookie's token. */
    private Duration sessionLifetime = Duration.ofHours(8);

    public Duration getSessionLifetime() {
        return sessionLifetime;
    }

    public void setSessionLifetime(Duration sessionLifetime) {
        this.sessionLifetime = sessionLifetime;
    }
}
