package org.casebridge.schema.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.schema.MessageType;
import org.casebridge.schema.SchemaCatalogue;

/**
 * Freezes the current top-level schemas as a release: writes each one (with its nested types inlined) to
 * {@code src/main/resources/org/casebridge/schema/history/<release>/<full name>.avsc} and appends them to the
 * history index. Run once per release, from the module folder, then commit the files:
 *
 * <pre>./mvnw -pl schema test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * cd schema
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     org.casebridge.schema.tools.FreezeSchemaRelease v2</pre>
 *
 * A frozen file must never change afterwards; the compatibility test compares every current schema with it.
 */
public final class FreezeSchemaRelease {

    private FreezeSchemaRelease() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("v[0-9]+")) {
            throw new IllegalArgumentException("usage: FreezeSchemaRelease <release, e.g. v2>");
        }
        String release = args[0];
        Path historyRoot = Path.of("src/main/resources").resolve(SchemaCatalogue.HISTORY_ROOT);
        Path folder = historyRoot.resolve(release);
        if (Files.exists(folder)) {
            throw new IllegalStateException(folder + " exists: a frozen release never changes");
        }
        Files.createDirectories(folder);
        Path index = historyRoot.resolve("index.txt");
        List<String> lines = new ArrayList<>(Files.exists(index) ? Files.readAllLines(index) : List.of(
                "# Frozen schema versions, one file per line, oldest release first. Written by FreezeSchemaRelease."));
        for (MessageType type : SchemaCatalogue.standard().types()) {
            String file = type.name() + ".avsc";
            Files.writeString(folder.resolve(file), type.schema().toString(true) + "\n", StandardCharsets.UTF_8);
            lines.add(release + "/" + file);
        }
        Files.write(index, lines, StandardCharsets.UTF_8);
        System.out.println("froze " + SchemaCatalogue.standard().types().size() + " schemas as " + release);
    }
}
