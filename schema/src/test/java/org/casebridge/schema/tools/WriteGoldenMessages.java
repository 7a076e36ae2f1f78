package org.casebridge.schema.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.casebridge.schema.SampleMessages;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.schema.codec.MessageCodec;

/**
 * Writes the golden messages of a release: one signed record per payload type (signed with
 * {@link SampleMessages#SENDER_SEED}) and one domain event, from {@link SampleMessages}, to
 * {@code src/test/resources/golden/<release>/}. Run it once per release, from the module folder, and commit the
 * files; it never overwrites a file. Every later version must decode them to the same values.
 *
 * <pre>./mvnw -pl schema test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * cd schema
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     org.casebridge.schema.tools.WriteGoldenMessages v2</pre>
 */
public final class WriteGoldenMessages {

    private WriteGoldenMessages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("v[0-9]+")) {
            throw new IllegalArgumentException("usage: WriteGoldenMessages <release, e.g. v1>");
        }
        Path folder = Path.of("src/test/resources/golden", args[0]);
        Files.createDirectories(folder);
        MessageCodec codec = MessageCodec.create();
        long sequence = 1;
        for (Map.Entry<String, SpecificRecord> sample : SampleMessages.payloads().entrySet()) {
            byte[] record = codec.encodeAndSign(SampleMessages.header(sample.getKey(), sequence++), sample.getValue(),
                    SampleMessages.senderKey());
            write(folder.resolve(sample.getKey() + ".bin"), record);
        }
        write(folder.resolve("DomainEvent.bin"), DomainEventCodec.create().encode(SampleMessages.domainEvent()));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        if (Files.exists(file)) {
            System.out.println("kept " + file + " (golden files never change)");
            return;
        }
        Files.write(file, bytes);
        System.out.println("wrote " + file);
    }
}
