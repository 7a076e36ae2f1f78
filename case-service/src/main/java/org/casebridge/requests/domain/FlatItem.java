package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link RequestItem} as one row of plain fields: how it is stored and sent. {@code value} is the identifier;
 * {@code qualifier} names what further reads it (an account's service, a crypto address's chain, a file hash's
 * algorithm).
 *
 * @param type       which kind of item
 * @param value      the identifier
 * @param qualifier  the service, chain or algorithm; null for other kinds
 * @param port       an IP address's source port; null otherwise
 * @param observedAt when an IP address was seen; null otherwise
 * @param timeRange  the period of data wanted; null when none
 */
public record FlatItem(IdentifierType type, String value, String qualifier, Integer port, Instant observedAt,
                       TimeRange timeRange) {

    public FlatItem {
        Objects.requireNonNull(type, "type");
    }

    /** The flat form of an item. */
    public static FlatItem of(RequestItem item) {
        if (item instanceof RequestItem.IpAddress ip) {
            return new FlatItem(IdentifierType.IP_ADDRESS, ip.address(), null, ip.port(), ip.timestamp(),
                    ip.timeRange());
        } else if (item instanceof RequestItem.Domain domain) {
            return new FlatItem(IdentifierType.DOMAIN, domain.domain(), null, null, null, domain.timeRange());
        } else if (item instanceof RequestItem.Url url) {
            return new FlatItem(IdentifierType.URL, url.url(), null, null, null, url.timeRange());
        } else if (item instanceof RequestItem.EmailAddress email) {
            return new FlatItem(IdentifierType.EMAIL_ADDRESS, email.address(), null, null, null, email.timeRange());
        } else if (item instanceof RequestItem.PhoneNumber phone) {
            return new FlatItem(IdentifierType.PHONE_NUMBER, phone.number(), null, null, null, phone.timeRange());
        } else if (item instanceof RequestItem.Account account) {
            return new FlatItem(IdentifierType.ACCOUNT_HANDLE, account.handle(), account.service(), null, null,
                    account.timeRange());
        } else if (item instanceof RequestItem.CryptoAddress crypto) {
            return new FlatItem(IdentifierType.CRYPTO_ADDRESS, crypto.address(), crypto.chain(), null, null,
                    crypto.timeRange());
        } else if (item instanceof RequestItem.FileHash file) {
            return new FlatItem(IdentifierType.FILE_HASH, file.hash() == null ? null
                    : file.hash().toLowerCase(Locale.ROOT), file.algorithm() == null ? null
                    : file.algorithm().name(), null, null, file.timeRange());
        }
        throw new IllegalArgumentException("unknown item " + item);
    }

    /**
     * The item this row describes, unchecked ({@link RequestItem#violations} checks it). An unknown hash algorithm
     * becomes a missing one, which validation reports.
     */
    public RequestItem toItem() {
        return switch (type) {
            case IP_ADDRESS -> new RequestItem.IpAddress(value, port, observedAt, timeRange);
            case DOMAIN -> new RequestItem.Domain(value, timeRange);
            case URL -> new RequestItem.Url(value, timeRange);
            case EMAIL_ADDRESS -> new RequestItem.EmailAddress(value, timeRange);
            case PHONE_NUMBER -> new RequestItem.PhoneNumber(value, timeRange);
            case ACCOUNT_HANDLE -> new RequestItem.Account(qualifier, value, timeRange);
            case CRYPTO_ADDRESS -> new RequestItem.CryptoAddress(qualifier, value, timeRange);
            case FILE_HASH -> new RequestItem.FileHash(algorithm(qualifier), value, timeRange);
        };
    }

    /** A hash algorithm by its name, with or without the underscore ({@code SHA256}, {@code SHA_256}); else null. */
    public static HashAlgorithm algorithm(String name) {
        if (name == null) {
            return null;
        }
        String compact = name.toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            if (algorithm.name().replace("_", "").equals(compact)) {
                return algorithm;
            }
        }
        return null;
    }
}
