package org.casebridge.requests.domain;

/** Hash algorithms a file-hash item may name, with the length of their hex digest. */
public enum HashAlgorithm {
    MD5(32),
    SHA_1(40),
    SHA_256(64),
    SHA_512(128);

    private final int hexLength;

    HashAlgorithm(int hexLength) {
        this.hexLength = hexLength;
    }

    /** Number of hex digits in a digest. */
    public int hexLength() {
        return hexLength;
    }
}
