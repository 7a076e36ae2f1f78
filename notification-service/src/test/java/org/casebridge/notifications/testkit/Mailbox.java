package org.casebridge.notifications.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a free local port, and the mails it received, readable for assertions. */
public final class Mailbox implements AutoCloseable {

    /** A received mail: recipients, subject, and the text of all its parts. */
    public record Mail(List<String> to, String subject, String text, String html) {
    }

    private final GreenMail server;
    private final int port;

    private Mailbox(int port) {
        this.port = port;
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static Mailbox start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            return new Mailbox(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty server on the port of a stopped one: the SMTP server "comes back". */
    public static Mailbox startOn(int port) {
        return new Mailbox(port);
    }

    public int port() {
        return port;
    }

    public List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(message, text, html);
                Address[] recipients = message.getAllRecipients();
                mails.add(new Mail(recipients == null ? List.of()
                        : Arrays.stream(recipients).map(Address::toString).toList(), message.getSubject(),
                        text.toString(), html.toString()));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
        return mails;
    }

    public List<Mail> mailsTo(String address) {
        return mails().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        } else if (part.isMimeType("text/html")) {
            html.append(content);
        } else if (content instanceof String string) {
            text.append(string);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
