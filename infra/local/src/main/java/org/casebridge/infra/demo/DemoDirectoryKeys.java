package org.casebridge.infra.demo;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casebridge.schema.crypto.Ed25519Keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;

/**
 * Regenerates the demo federation's keys: a fresh Ed25519 key pair for every agency of a directory document, the
 * public halves written into the document and the private seeds into the demo keys file, so both stay consistent.
 *
 * <p>Run from the repository root (after {@code ./mvnw -q -pl infra/local -am install -DskipTests}):
 * <pre>
 * ./mvnw -q -pl infra/local exec:java -Dexec.mainClass=org.casebridge.infra.demo.DemoDirectoryKeys \
 *     -Dexec.args="infra/directory/src/main/resources/org/casebridge/directory/partner-directory.json \
 *     infra/local/src/main/resources/org/casebridge/infra/demo/demo-agency-keys.properties"
 * </pre>
 * Then rebuild: both modules ship the files as resources.
 * Only for the demo federation: a real agency generates its key pair itself and sends only the public half to the
 * directory operators.
 */
public final class DemoDirectoryKeys {

    private DemoDirectoryKeys() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DemoDirectoryKeys <partner-directory.json> <demo-agency-keys.properties>");
            System.exit(2);
        }
        int count = regenerate(Path.of(args[0]), Path.of(args[1]));
        System.out.println("generated " + count + " demo key pairs: public keys in " + args[0]
                + ", private seeds in " + args[1]);
    }

    /**
     * Replaces every agency's {@code publicKey} in the directory file and rewrites the keys file.
     *
     * @return the number of agencies
     */
    public static int regenerate(Path directoryFile, Path keysFile) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(Files.readString(directoryFile, StandardCharsets.UTF_8));
        StringBuilder keys = new StringBuilder()
                .append("# Demo federation signing keys: CODE=base64 Ed25519 seed (32 bytes).\n")
                .append("# PUBLIC DEMO KEYS, never use them outside the demo federation and tests.\n")
                .append("# Regenerate together with the directory's public keys with ")
                .append(DemoDirectoryKeys.class.getName()).append(".\n");
        int count = 0;
        Base64.Encoder base64 = Base64.getEncoder();
        for (JsonNode agency : root.get("agencies")) {
            String code = agency.get("code").asText();
            KeyPair pair = Ed25519Keys.generate();
            ((ObjectNode) agency).put("publicKey", base64.encodeToString(Ed25519Keys.rawPublicKey(pair.getPublic())));
            keys.append(code).append('=').append(base64.encodeToString(Ed25519Keys.seed(pair.getPrivate()))).append('\n');
            count++;
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String json = mapper.writer(printer).writeValueAsString(root) + "\n";
        Files.writeString(directoryFile, json, StandardCharsets.UTF_8);
        Files.writeString(keysFile, keys.toString(), StandardCharsets.ISO_8859_1);
        return count;
    }
}
