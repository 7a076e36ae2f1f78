package org.casebridge.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;

/**
 * The demo mail server: an SMTP server (GreenMail) that keeps every mail the notification-services send, and a
 * read-only web page listing them, so a new user sees the notification e-mails without a mail client. It also is the
 * demo webhook receiver: it verifies each call's signature as a real receiver would and lists the calls. It delivers
 * nothing onward and listens on the loopback interface only.
 */
final class DemoMailbox implements AutoCloseable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Accepted distance between a webhook call's timestamp and this clock. */
    private static final long SIGNATURE_TOLERANCE_SECONDS = 300;

    private final GreenMail smtp;
    private final Map<String, String> webhookSecrets = new ConcurrentHashMap<>();
    private final List<WebhookCall> webhookCalls = new CopyOnWriteArrayList<>();
    private final int smtpPort;
    private final HttpServer web;

    private DemoMailbox(int smtpPort, int webPort) throws IOException {
        this.smtpPort = smtpPort;
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/", this::handle);
        web.start();
    }

    /** Starts the SMTP server on a free port and the page on {@code webPort}. */
    static DemoMailbox start(int webPort) {
        try {
            int smtpPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                smtpPort = socket.getLocalPort();
            }
            return new DemoMailbox(smtpPort, webPort);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo mailbox did not start on port " + webPort + " (" + e.getMessage()
                    + "); choose another with --mailbox-port", e);
        }
    }

    int smtpPort() {
        return smtpPort;
    }

    String url() {
        return "http://localhost:" + web.getAddress().getPort() + "/";
    }

    /** Where an agency's notification-service sends its demo webhook calls. */
    String webhookUrl(String agency) {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/webhooks/" + agency;
    }

    /** The secret an agency's webhook signs with, as its registration answered. */
    void expectSecret(String agency, String secret) {
        webhookSecrets.put(agency, secret);
    }

    List<WebhookCall> webhookCalls() {
        return List.copyOf(webhookCalls);
    }

    /** One webhook call received: whose, when, whether its signature verified, and its body. */
    record WebhookCall(String agency, Instant receivedAt, String delivery, boolean signatureValid, String body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestPath = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && requestPath.matches("/webhooks/[A-Z0-9-]+")) {
                receiveWebhook(exchange, requestPath.substring("/webhooks/".length()));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "read-only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            MimeMessage[] mails = smtp.getReceivedMessages();
            if (path.equals("/")) {
                send(exchange, 200, "text/html", list(mails, webhookCalls()));
            } else if (path.matches("/mails/\\d+(\\.html)?")) {
                String number = path.substring("/mails/".length()).replace(".html", "");
                int index = Integer.parseInt(number);
                if (index >= mails.length) {
                    send(exchange, 404, "text/plain", "no such mail");
                } else if (path.endsWith(".html")) {
                    // The mail's own HTML body, as a mail client would show it.
                    send(exchange, 200, "text/html", part(mails[index], "text/html"));
                } else {
                    send(exchange, 200, "text/html", detail(mails[index], index));
                }
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (Exception e) {
            send(exchange, 500, "text/plain", "mail not readable: " + e.getMessage());
        }
    }

    private void receiveWebhook(HttpExchange exchange, String agency) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String secret = webhookSecrets.get(agency);
        boolean valid = secret != null && signatureValid(secret,
                exchange.getRequestHeaders().getFirst("CaseBridge-Signature"), body);
        webhookCalls.add(new WebhookCall(agency, Instant.now(), exchange.getRequestHeaders()
                .getFirst("CaseBridge-Delivery"), valid, new String(body, StandardCharsets.UTF_8)));
        // A real receiver refuses what it cannot verify; the sender then retries.
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
    }

    /** Checks {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t." + body>} as docs/notifications.md describes. */
    static boolean signatureValid(String secret, String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        try {
            if (timestamp == null || signature == null || Math.abs(Instant.now().getEpochSecond()
                    - Long.parseLong(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String list(MimeMessage[] mails, List<WebhookCall> calls) throws Exception {
        StringBuilder html = page("CaseBridge demo mailbox")
                .append("<h1>CaseBridge demo mailbox</h1><p>").append(mails.length)
                .append(" mail(s) received by the local SMTP server, newest first. Nothing is sent onward.</p>")
                .append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">")
                .append("<tr><th>received</th><th>to</th><th>subject</th></tr>");
        for (int i = mails.length - 1; i >= 0; i--) {
            html.append("<tr><td>").append(escape(when(mails[i].getSentDate()))).append("</td><td>")
                    .append(escape(recipients(mails[i]))).append("</td><td><a href=\"/mails/").append(i).append("\">")
                    .append(escape(mails[i].getSubject())).append("</a></td></tr>");
        }
        html.append("</table><h2>Webhook calls</h2><p>").append(calls.size())
                .append(" call(s) to the demo webhooks, newest first; each signature checked with the webhook's"
                        + " secret.</p><table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">")
                .append("<tr><th>received</th><th>agency</th><th>signature</th><th>body</th></tr>");
        for (int i = calls.size() - 1; i >= 0; i--) {
            WebhookCall call = calls.get(i);
            html.append("<tr><td>").append(escape(WHEN.format(call.receivedAt()))).append("</td><td>")
                    .append(escape(call.agency())).append("</td><td>")
                    .append(call.signatureValid() ? "valid" : "INVALID").append("</td><td><code>")
                    .append(escape(call.body())).append("</code></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String detail(MimeMessage mail, int index) throws Exception {
        return page(mail.getSubject())
                .append("<p><a href=\"/\">&larr; all mails</a></p>")
                .append("<p><b>To:</b> ").append(escape(recipients(mail))).append("<br><b>From:</b> ")
                .append(escape(addresses(mail.getFrom()))).append("<br><b>Subject:</b> ")
                .append(escape(mail.getSubject())).append("<br><b>Sent:</b> ").append(escape(when(mail.getSentDate())))
                .append("</p><p><a href=\"/mails/").append(index).append(".html\">HTML version</a></p>")
                .append("<pre style=\"white-space:pre-wrap\">").append(escape(part(mail, "text/plain")))
                .append("</pre></body></html>").toString();
    }

    private static String part(Part part, String mimeType) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        return part.isMimeType(mimeType) && content instanceof String text ? text : "";
    }

    private static String recipients(MimeMessage mail) throws Exception {
        return addresses(mail.getAllRecipients());
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
    }

    private static String when(Date date) {
        return date == null ? "" : WHEN.format(date.toInstant());
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title></head><body style=\"font-family:sans-serif\">");
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
