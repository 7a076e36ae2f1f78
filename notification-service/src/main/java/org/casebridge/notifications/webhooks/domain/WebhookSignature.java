package org.casebridge.notifications.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every webhook delivery, in the header {@value #HEADER}:
 * <pre>CaseBridge-Signature: t=1732608000,v1=5f2b...</pre>
 * {@code t} is the Unix time of the attempt in seconds and {@code v1} the lowercase hex HMAC-SHA256, keyed with the
 * endpoint's secret (its UTF-8 bytes), over {@code t + "." + body} (the exact bytes of the request body). A receiver
 * recomputes it, compares in constant time and refuses timestamps too far from its clock, which stops replays.
 */
public final class WebhookSignature {

    public static final String HEADER = "CaseBridge-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, epochSeconds, body));
    }

    /**
     * Verifies a header value the way a receiver should.
     *
     * @param toleranceSeconds how far the timestamp may be from {@code nowEpochSeconds}
     */
    public static boolean verify(String secret, String headerValue, byte[] body, long nowEpochSeconds,
                                 long toleranceSeconds) {
        if (headerValue == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : headerValue.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null || Math.abs(nowEpochSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), presented);
    }

    private static byte[] mac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
