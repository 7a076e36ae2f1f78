package org.casebridge.console.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The console's texts: {@code i18n/messages*.properties}, one bundle per language. */
@Factory
public class ConsoleMessagesFactory {

    static final String BUNDLE = "i18n.messages";

    @Singleton
    MessageSource consoleMessages() {
        return new ResourceBundleMessageSource(BUNDLE);
    }
}
