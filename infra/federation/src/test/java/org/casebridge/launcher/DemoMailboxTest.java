package org.casebridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo mailbox receives real SMTP and lists what it received on a read-only page. */
class DemoMailboxTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsAndShowsReceivedMails() throws Exception {
        try (DemoMailbox mailbox = DemoMailbox.start(0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", Integer.toString(mailbox.smtpPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
            mail.setFrom(new InternetAddress("casebridge@nl-nhtc.casebridge.test"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("liaison@nl-nhtc.casebridge.test"));
            mail.setSubject("[CaseBridge NL-NHTC] DE-BKA shared case <DE-2026-0001>");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello Demo liaison,\nOpen it in the console.", "utf-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>Hello <b>Demo liaison</b></p>", "text/html; charset=utf-8");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            mail.setContent(alternative);
            Transport.send(mail);

            HttpResponse<String> list = get(mailbox.url());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("liaison@nl-nhtc.casebridge.test",
                    "DE-BKA shared case &lt;DE-2026-0001&gt;", "href=\"/mails/0\"");
            assertThat(get(mailbox.url() + "mails/0").body()).contains("Hello Demo liaison,", "Open it in the console.");
            assertThat(get(mailbox.url() + "mails/0.html").body()).contains("<b>Demo liaison</b>");
            assertThat(get(mailbox.url() + "mails/7").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(mailbox.url()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void verifiesAndListsWebhookCalls() throws Exception {
        try (DemoMailbox mailbox = DemoMailbox.start(0)) {
            mailbox.expectSecret("NL-NHTC", "whsec_demo");
            String body = "{\"eventType\":\"CASE_SHARED_WITH_US\",\"title\":\"Shared <case>\"}";
            long now = java.time.Instant.now().getEpochSecond();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("whsec_demo".getBytes(), "HmacSHA256"));
            String signature = java.util.HexFormat.of().formatHex(mac.doFinal((now + "." + body).getBytes()));

            assertThat(post(mailbox.webhookUrl("NL-NHTC"), body, "t=" + now + ",v1=" + signature).statusCode())
                    .isEqualTo(204);
            assertThat(post(mailbox.webhookUrl("NL-NHTC"), body, "t=" + now + ",v1=00" + signature.substring(2))
                    .statusCode()).isEqualTo(401);
            assertThat(post(mailbox.webhookUrl("DE-BKA"), body, "t=" + now + ",v1=" + signature).statusCode())
                    .isEqualTo(401);

            assertThat(mailbox.webhookCalls()).extracting(DemoMailbox.WebhookCall::signatureValid)
                    .containsExactly(true, false, false);
            String page = get(mailbox.url()).body();
            assertThat(page).contains("Webhook calls", "valid", "INVALID", "Shared &lt;case&gt;");
        }
    }

    private HttpResponse<String> post(String url, String body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("CaseBridge-Signature", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
