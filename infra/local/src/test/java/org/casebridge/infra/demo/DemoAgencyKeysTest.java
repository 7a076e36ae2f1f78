package org.casebridge.infra.demo;

import org.casebridge.directory.DirectoryLoader;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoAgencyKeysTest {

    private final PartnerDirectory directory = new DirectoryLoader().loadDefault();
    private final DemoAgencyKeys keys = DemoAgencyKeys.load();

    @Test
    void everyDirectoryAgencyHasADemoKey() {
        assertThat(keys.agencyCodes()).containsExactlyInAnyOrderElementsOf(directory.codes());
    }

    @Test
    void everyDemoPrivateKeyMatchesItsDirectoryPublicKey() throws Exception {
        for (PartnerAgency agency : directory.agencies()) {
            byte[] message = ("envelope of " + agency.code()).getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.privateKey(agency.code()));
            signer.update(message);
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(agency.publicKey());
            verifier.update(message);
            assertThat(verifier.verify(signature)).as(agency.code()).isTrue();
        }
    }

    @Test
    void aKeyDoesNotVerifyForAnotherAgency() throws Exception {
        byte[] message = "forged".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.privateKey("NL-NHTC"));
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(directory.require("DE-BKA").publicKey());
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isFalse();
    }

    @Test
    void unknownAgencyHasNoKey() {
        assertThatThrownBy(() -> keys.seedBase64("XX-NONE")).hasMessageContaining("XX-NONE");
    }

    @Test
    void generatorRegeneratesBothFilesConsistently(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path directoryFile = dir.resolve("partner-directory.json");
        Path keysFile = dir.resolve("keys.properties");
        try (var in = DemoAgencyKeysTest.class.getClassLoader().getResourceAsStream(DirectoryLoader.DEFAULT_RESOURCE)) {
            Files.write(directoryFile, in.readAllBytes());
        }

        int count = DemoDirectoryKeys.regenerate(directoryFile, keysFile);

        PartnerDirectory regenerated = new DirectoryLoader().load(directoryFile);
        assertThat(count).isEqualTo(directory.size());
        assertThat(regenerated.require("DE-BKA").publicKeyBase64())
                .isNotEqualTo(directory.require("DE-BKA").publicKeyBase64());
        var seeds = new java.util.Properties();
        try (var in = Files.newInputStream(keysFile)) {
            seeds.load(in);
        }
        byte[] message = {1, 2, 3};
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(org.casebridge.schema.crypto.Ed25519Keys.privateKeyFromBase64(seeds.getProperty("FR-OFAC")));
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(regenerated.require("FR-OFAC").publicKey());
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }
}
