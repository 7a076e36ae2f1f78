package org.casebridge.requests.domain;

/** The kinds of {@link RequestItem}, by the names the API, the database and the message contract use. */
public enum IdentifierType {
    IP_ADDRESS,
    DOMAIN,
    URL,
    EMAIL_ADDRESS,
    PHONE_NUMBER,
    ACCOUNT_HANDLE,
    CRYPTO_ADDRESS,
    FILE_HASH
}
