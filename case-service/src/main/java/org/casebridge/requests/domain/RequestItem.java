package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One identifier an evidence request concerns, with the period its data is wanted for (optional).
 *
 * <p>Items are built from what a client or a partner sent, without checks, so that {@link #validate(List)} can
 * report every bad field at once, each named by its path ({@code items[2].address}).
 */
public sealed interface RequestItem {

    /** The period the data is wanted for; null when the item has none. */
    TimeRange timeRange();

    /** Adds this item's violations to {@code out}, naming fields under {@code path} (e.g. {@code items[2]}). */
    void check(String path, List<FieldViolation> out);

    /**
     * Checks every item.
     *
     * @throws InvalidRequestException naming every bad field as {@code items[i].field}
     */
    static void validate(List<? extends RequestItem> items) {
        InvalidRequestException.throwIfAny(violations(items));
    }

    /** Every bad field of {@code items}, named as {@code items[i].field}. */
    static List<FieldViolation> violations(List<? extends RequestItem> items) {
        List<FieldViolation> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "items[" + i + "]";
            RequestItem item = items.get(i);
            if (item == null) {
                out.add(new FieldViolation(path, "is required"));
                continue;
            }
            item.check(path, out);
            if (item.timeRange() != null) {
                item.timeRange().check(path + ".timeRange", out);
            }
        }
        return out;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Checks a required text field with a syntax rule. */
    private static void text(String value, boolean valid, String field, String rule, List<FieldViolation> out) {
        if (blank(value)) {
            out.add(new FieldViolation(field, "is required"));
        } else if (!valid) {
            out.add(new FieldViolation(field, rule));
        }
    }

    /**
     * An IP address as seen at a moment, e.g. a connection to a service; behind carrier-grade NAT the source port
     * tells subscribers apart.
     *
     * @param address   IPv4 or IPv6 address (a literal; names are not resolved)
     * @param port      source port, 0–65535; null when unknown
     * @param timestamp when the address was seen (UTC), required: addresses are reassigned over time
     * @param timeRange period of data wanted
     */
    record IpAddress(String address, Integer port, Instant timestamp, TimeRange timeRange) implements RequestItem {
        @Override
        public void check(String path, List<FieldViolation> out) {
            text(address, address != null && IdentifierSyntax.isIpAddress(address), path + ".address",
                    "must be an IPv4 or IPv6 address", out);
            if (port != null && (port < 0 || port > 65535)) {
                out.add(new FieldViolation(path + ".port", "must be between 0 and 65535"));
            }
            if (timestamp == null) {
                out.add(new FieldViolation(path + ".timestamp", "is required for an IP address"));
            }
        }
    }

    /** @param domain a fully qualified domain name, internationalised names allowed */
    record Domain(String domain, TimeRange timeRange) implements RequestItem {
        @Override
        public void check(String path, List<FieldViolation> out) {
            text(domain, domain != null && IdentifierSyntax.isDomain(domain), path + ".domain",
                    "must be a fully qualified domain name", out);
        }
    }

    /** @param url an absolute http(s), ftp(s) or ws(s) URL */
    record Url(String url, TimeRange timeRange) implements RequestItem {
        @Override
        public void check(String path, List<FieldViolation> out) {
            text(url, url != null && IdentifierSyntax.isUrl(url), path + ".url",
                    "must be an absolute http, https, ftp or ws URL with a valid host", out);
        }
    }

    /** @param address an e-mail address */
    record EmailAddress(String address, TimeRange timeRange) implements RequestItem {
        @Override
        public void check(String path, List<FieldViolation> out) {
            text(address, address != null && IdentifierSyntax.isEmail(address), path + ".address",
                    "must be an e-mail address", out);
        }
    }

    /** @param number a phone number in E.164 form, e.g. {@code +4930123456} */
    record PhoneNumber(String number, TimeRange timeRange) implements RequestItem {
        @Override
        public void check(String path, List<FieldViolation> out) {
            text(number, number != null && IdentifierSyntax.isE164(number), path + ".number",
                    "must be in E.164 form: + and up to 15 digits, no spaces", out);
        }
    }

    /**
     * An account on an online service.
     *
     * @param service the service, e.g. {@code telegram.org} or {@code Instagram}
     * @param handle  the user name, id or handle on that service
     */
    record Account(String service, String handle, TimeRange timeRange) implements RequestItem {
        private static final int MAX_LENGTH = 256;

        @Override
        public void check(String path, List<FieldViolation> out) {
            text(service, service != null && service.length() <= MAX_LENGTH, path + ".service",
                    "must be at most " + MAX_LENGTH + " characters", out);
            text(handle, handle != null && handle.length() <= MAX_LENGTH, path + ".handle",
                    "must be at most " + MAX_LENGTH + " characters", out);
        }
    }

    /**
     * A cryptocurrency address. Bitcoin ({@code BTC}) and Ethereum ({@code ETH}) addresses are checked against
     * their formats (Bitcoin's checksums included); other chains only need a code and a non-blank address.
     *
     * @param chain   the chain's ticker code, upper case, e.g. {@code BTC}, {@code ETH}, {@code XMR}
     * @param address the address on that chain
     */
    record CryptoAddress(String chain, String address, TimeRange timeRange) implements RequestItem {
        private static final Pattern CHAIN_CODE = Pattern.compile("[A-Z0-9]{2,12}");
        private static final Pattern NO_SPACE = Pattern.compile("\\S{1,256}");

        @Override
        public void check(String path, List<FieldViolation> out) {
            text(chain, chain != null && CHAIN_CODE.matcher(chain).matches(), path + ".chain",
                    "must be a chain code such as BTC or ETH", out);
            if (blank(address)) {
                out.add(new FieldViolation(path + ".address", "is required"));
                return;
            }
            String code = chain == null ? "" : chain.toUpperCase(Locale.ROOT);
            boolean valid = switch (code) {
                case "BTC" -> IdentifierSyntax.isBitcoinAddress(address);
                case "ETH" -> IdentifierSyntax.isEthereumAddress(address);
                default -> NO_SPACE.matcher(address).matches();
            };
            if (!valid) {
                out.add(new FieldViolation(path + ".address", "is not a valid " + (code.isEmpty() ? "" : code + " ")
                        + "address"));
            }
        }
    }

    /**
     * A file known by its hash.
     *
     * @param algorithm the hash algorithm
     * @param hash      the digest in hex, of the algorithm's length
     */
    record FileHash(HashAlgorithm algorithm, String hash, TimeRange timeRange) implements RequestItem {
        @Override
        public void check(String path, List<FieldViolation> out) {
            if (algorithm == null) {
                out.add(new FieldViolation(path + ".algorithm", "is required: MD5, SHA_1, SHA_256 or SHA_512"));
            }
            if (blank(hash)) {
                out.add(new FieldViolation(path + ".hash", "is required"));
            } else if (algorithm != null && !IdentifierSyntax.isHex(hash, algorithm.hexLength())) {
                out.add(new FieldViolation(path + ".hash", "must be " + algorithm.hexLength() + " hex digits for "
                        + algorithm));
            }
        }
    }
}
