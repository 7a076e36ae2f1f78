package org.casebridge.requests.domain;

import java.math.BigInteger;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Syntax checks for the identifiers an evidence request names. Purely textual: nothing is resolved or looked up, so
 * checking a request never reveals its targets to a DNS server.
 */
final class IdentifierSyntax {

    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL_LOCAL_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern ETHEREUM = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp", "ftps", "ws", "wss");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;
    private static final int[] BECH32_GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private IdentifierSyntax() {
    }

    /** A dotted-quad IPv4 address; leading zeros are refused because some parsers read them as octal. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 address in RFC 4291 text form, optionally ending in dotted IPv4; zone ids are refused. */
    static boolean isIpv6(String text) {
        if (text.isEmpty() || text.contains("%")) {
            return false;
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        if (compression < 0) {
            return groups(text, true) == 8;
        }
        String left = text.substring(0, compression);
        String right = text.substring(compression + 2);
        int leftGroups = left.isEmpty() ? 0 : groups(left, right.isEmpty());
        int rightGroups = right.isEmpty() ? 0 : groups(right, true);
        // "::" stands for at least one group of zeros
        return leftGroups >= 0 && rightGroups >= 0 && leftGroups + rightGroups <= 7;
    }

    /** Number of 16-bit groups in a colon-separated run, or -1 if malformed. */
    private static int groups(String run, boolean mayEndInIpv4) {
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (mayEndInIpv4 && i == parts.length - 1 && part.contains(".")) {
                if (!isIpv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.isEmpty() || part.length() > 4 || !HEX.matcher(part).matches()) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    static boolean isIpAddress(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    /**
     * A fully qualified domain name: at least two labels, internationalised names allowed (checked in their ASCII
     * form), and a top-level label that is not all digits so that an IPv4 address is not taken for a domain.
     */
    static boolean isDomain(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** An absolute web or file-transfer URL whose host is a domain name or an IP address literal. */
    static boolean isUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return isIpv6(host.substring(1, host.length() - 1));
        }
        return isIpv4(host) || isDomain(host);
    }

    /** An e-mail address with a dot-atom local part (no quoted forms) and a domain name. */
    static boolean isEmail(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.length() > 254) {
            return false;
        }
        String local = text.substring(0, at);
        if (local.length() > 64) {
            return false;
        }
        for (String atom : local.split("\\.", -1)) {
            if (!EMAIL_LOCAL_ATOM.matcher(atom).matches()) {
                return false;
            }
        }
        return isDomain(text.substring(at + 1));
    }

    /** A phone number in E.164 form: a plus, a country code and at most 15 digits, no spaces. */
    static boolean isE164(String text) {
        return E164.matcher(text).matches();
    }

    static boolean isHex(String text, int length) {
        return text.length() == length && HEX.matcher(text).matches();
    }

    /**
     * A Bitcoin main-network address: Base58Check pay-to-public-key-hash ({@code 1...}) or pay-to-script-hash
     * ({@code 3...}), or a segregated-witness address ({@code bc1...}) in Bech32 (version 0) or Bech32m (later
     * versions). Checksums are verified, so a mistyped character is caught.
     */
    static boolean isBitcoinAddress(String text) {
        if (text.length() >= 4 && text.substring(0, 3).equalsIgnoreCase("bc1")) {
            return isSegwitAddress(text);
        }
        return isBase58CheckAddress(text);
    }

    /** An Ethereum address: {@code 0x} and 20 bytes in hex. The mixed-case checksum needs Keccak, which the JDK lacks. */
    static boolean isEthereumAddress(String text) {
        return ETHEREUM.matcher(text).matches();
    }

    private static boolean isBase58CheckAddress(String text) {
        if (text.length() < 26 || text.length() > 35 || (text.charAt(0) != '1' && text.charAt(0) != '3')) {
            return false;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int leadingZeros = 0;
        boolean leading = true;
        for (char c : text.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) {
                return false;
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        int signByte = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        byte[] decoded = new byte[leadingZeros + magnitude.length - signByte];
        System.arraycopy(magnitude, signByte, decoded, leadingZeros, magnitude.length - signByte);
        if (value.signum() == 0) {
            decoded = new byte[leadingZeros];
        }
        if (decoded.length != 25) {
            return false;
        }
        int version = decoded[0] & 0xff;
        if ((text.charAt(0) == '1' && version != 0x00) || (text.charAt(0) == '3' && version != 0x05)) {
            return false;
        }
        byte[] payload = Arrays.copyOfRange(decoded, 0, 21);
        byte[] checksum = sha256(sha256(payload));
        return Arrays.equals(Arrays.copyOfRange(checksum, 0, 4), Arrays.copyOfRange(decoded, 21, 25));
    }

    private static boolean isSegwitAddress(String text) {
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            return false; // Bech32 forbids mixed case
        }
        String address = text.toLowerCase(Locale.ROOT);
        if (address.length() < 14 || address.length() > 74) {
            return false;
        }
        String hrp = "bc";
        String dataPart = address.substring(3);
        int[] data = new int[dataPart.length()];
        for (int i = 0; i < data.length; i++) {
            data[i] = BECH32.indexOf(dataPart.charAt(i));
            if (data[i] < 0) {
                return false;
            }
        }
        int witnessVersion = data[0];
        int programGroups = data.length - 1 - 6;
        int programBytes = programGroups * 5 / 8;
        if (witnessVersion > 16 || programBytes < 2 || programBytes > 40
                || (witnessVersion == 0 && programBytes != 20 && programBytes != 32)) {
            return false;
        }
        int expected = witnessVersion == 0 ? BECH32_CONSTANT : BECH32M_CONSTANT;
        return bech32Checksum(hrp, data) == expected;
    }

    private static int bech32Checksum(String hrp, int[] data) {
        byte[] hrpBytes = hrp.getBytes(StandardCharsets.US_ASCII);
        int[] values = new int[hrpBytes.length * 2 + 1 + data.length];
        for (int i = 0; i < hrpBytes.length; i++) {
            values[i] = hrpBytes[i] >> 5;
            values[hrpBytes.length + 1 + i] = hrpBytes[i] & 31;
        }
        System.arraycopy(data, 0, values, hrpBytes.length * 2 + 1, data.length);
        int checksum = 1;
        for (int value : values) {
            int top = checksum >>> 25;
            checksum = ((checksum & 0x1ffffff) << 5) ^ value;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    checksum ^= BECH32_GENERATOR[i];
                }
            }
        }
        return checksum;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
