package org.casebridge.notifications.delivery.domain;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes notification e-mails: a readable text body and an HTML body with the same content and a link to the
 * console. What a mail may say follows {@link Disclosure}: a mail about an AMBER+STRICT or RED subject says only that
 * there is something to open in the console.
 */
public final class MailComposer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String agencyCode;
    private final String consoleUrl;

    /**
     * @param agencyCode the node's agency, named in every mail
     * @param consoleUrl base URL of the node's console
     */
    public MailComposer(String agencyCode, String consoleUrl) {
        this.agencyCode = agencyCode;
        this.consoleUrl = consoleUrl;
    }

    public MailMessage single(String displayName, NotificationContent notification) {
        List<String> lines = visibleLines(notification);
        String headline = headline(notification);
        String subject = "[CaseBridge " + agencyCode + "] " + headline;
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(displayName).append(",\n\n")
                .append(headline).append("\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        if (!lines.isEmpty()) {
            text.append('\n');
        }
        text.append("Open it in the console: ").append(notification.consoleLink()).append("\n\n")
                .append(footerText());

        StringBuilder html = htmlStart(subject)
                .append("<p>Hello ").append(Html.escape(displayName)).append(",</p>\n")
                .append("<h2 style=\"font-size:16px\">").append(Html.escape(headline)).append("</h2>\n");
        if (!lines.isEmpty()) {
            html.append("<ul>\n");
            lines.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<p><a href=\"").append(Html.escape(notification.consoleLink()))
                .append("\">Open it in the console</a></p>\n");
        return new MailMessage(subject, text.toString(), htmlEnd(html));
    }

    /** One mail listing several notifications, for users who chose the daily digest. */
    public MailMessage digest(String displayName, List<NotificationContent> notifications) {
        String subject = "[CaseBridge " + agencyCode + "] Daily digest: " + notifications.size() + " notification"
                + (notifications.size() == 1 ? "" : "s");
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(displayName).append(",\n\n")
                .append("Your notifications since the last digest:\n\n");
        StringBuilder html = htmlStart(subject)
                .append("<p>Hello ").append(Html.escape(displayName)).append(",</p>\n")
                .append("<p>Your notifications since the last digest:</p>\n<ol>\n");
        for (NotificationContent notification : notifications) {
            String headline = headline(notification);
            text.append("- ").append(WHEN.format(notification.occurredAt())).append("  ").append(headline)
                    .append("\n  ").append(notification.consoleLink()).append('\n');
            html.append("<li>").append(Html.escape(WHEN.format(notification.occurredAt()))).append(" &middot; ")
                    .append("<a href=\"").append(Html.escape(notification.consoleLink())).append("\">")
                    .append(Html.escape(headline)).append("</a></li>\n");
        }
        text.append('\n').append("All notifications: ").append(consoleUrl).append("/notifications\n\n")
                .append(footerText());
        html.append("</ol>\n<p><a href=\"").append(Html.escape(consoleUrl)).append("/notifications\">")
                .append("All notifications in the console</a></p>\n");
        return new MailMessage(subject, text.toString(), htmlEnd(html));
    }

    private static String headline(NotificationContent notification) {
        return notification.disclosure() == Disclosure.MINIMAL
                ? "You have a new notification; open the console to read it"
                : notification.title();
    }

    private static List<String> visibleLines(NotificationContent notification) {
        List<String> lines = new java.util.ArrayList<>();
        Disclosure disclosure = notification.disclosure();
        if (disclosure == Disclosure.MINIMAL) {
            return lines;
        }
        if (disclosure == Disclosure.FULL && notification.summary() != null && !notification.summary().isBlank()) {
            lines.add(notification.summary());
        }
        if (notification.caseReference() != null) {
            lines.add("Case: " + notification.caseReference());
        }
        if (disclosure == Disclosure.FULL && notification.counterpartAgency() != null) {
            lines.add("Partner: " + notification.counterpartAgency());
        }
        if (notification.deadline() != null) {
            lines.add("Deadline: " + WHEN.format(notification.deadline()));
        }
        lines.add("When: " + WHEN.format(notification.occurredAt()));
        lines.add("Handling marking: TLP:" + notification.marking());
        return lines;
    }

    private String footerText() {
        return "-- \nCaseBridge notifications of " + agencyCode + ". You receive this for your role or for something"
                + " you follow; change it in the console's notification settings.\n";
    }

    private static StringBuilder htmlStart(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title></head>\n")
                .append("<body style=\"font-family:sans-serif;font-size:14px;color:#222\">\n");
    }

    private String htmlEnd(StringBuilder html) {
        return html.append("<hr><p style=\"color:#666;font-size:12px\">CaseBridge notifications of ")
                .append(Html.escape(agencyCode))
                .append(". You receive this for your role or for something you follow; change it in the console's"
                        + " notification settings.</p>\n")
                .append("</body></html>\n").toString();
    }
}
