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

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
