package org.casebridge.notifications.delivery.domain;

/** A rendered e-mail: subject, plain-text body and HTML body. */
public record MailMessage(String subject, String text, String html) {
}
