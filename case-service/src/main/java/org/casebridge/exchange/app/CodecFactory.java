package org.casebridge.exchange.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.crypto.Ed25519Keys;
import org.casebridge.schema.crypto.SigningKey;
import org.casebridge.support.agency.AgencyConfiguration;

/** The wire codec, this node's signing key and the partners' verification keys. */
@Factory
public class CodecFactory {

    @Singleton
    MessageCodec messageCodec() {
        return MessageCodec.create();
    }

    @Singleton
    DomainEventCodec domainEventCodec() {
        return DomainEventCodec.create();
    }

    /**
     * The node's Ed25519 key ({@code casebridge.agency.signing-key}, base64 seed). A node whose key does not match
     * its agency's public key in the directory would send messages every partner refuses, so it does not start.
     */
    @Singleton
    SigningKey signingKey(@Value("${casebridge.agency.signing-key}") String seedBase64, PartnerDirectory directory,
                          AgencyConfiguration agency) {
        SigningKey key;
        try {
            key = SigningKey.of(Ed25519Keys.privateKeyFromBase64(seedBase64));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("casebridge.agency.signing-key is not an Ed25519 key seed: " + e.getMessage());
        }
        PartnerAgency self = directory.require(agency.getCode());
        if (!Arrays.equals(Ed25519Keys.rawPublicKey(key.publicKey()), Ed25519Keys.rawPublicKey(self.publicKey()))) {
            throw new IllegalStateException("casebridge.agency.signing-key does not belong to the public key of "
                    + agency.getCode() + " in partner directory version " + directory.version());
        }
        return key;
    }

    /** Partners' public keys come from the directory; an unknown agency has none, so its messages are refused. */
    @Singleton
    SenderKeys senderKeys(PartnerDirectory directory) {
        return code -> directory.find(code).map(PartnerAgency::publicKey).<List<PublicKey>>map(List::of)
                .orElse(List.of());
    }
}
