package org.casebridge.schema;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The evolution rule of the contract: <em>full transitive</em> compatibility. A new version of a schema must read
 * data written with every earlier version (backward) and every earlier version must read data written with the new
 * one (forward), because agencies upgrade at different times.
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /**
     * Every reason why {@code candidate} is not fully compatible with {@code earlier}; empty when it is.
     */
    public static List<String> incompatibilities(Schema candidate, Schema earlier) {
        List<String> problems = new ArrayList<>();
        if (!candidate.getFullName().equals(earlier.getFullName())) {
            problems.add("renamed from " + earlier.getFullName() + " to " + candidate.getFullName());
        }
        describe("backward (new reads old)", SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier), problems);
        describe("forward (old reads new)", SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate), problems);
        return problems;
    }

    /**
     * Every reason why {@code candidate} is not fully compatible with each of {@code history}; empty when it is.
     */
    public static List<String> incompatibilitiesWithAll(Schema candidate, List<SchemaVersion> history) {
        List<String> problems = new ArrayList<>();
        for (SchemaVersion version : history) {
            for (String problem : incompatibilities(candidate, version.schema())) {
                problems.add(version.typeName() + " " + version.release() + ": " + problem);
            }
        }
        return problems;
    }

    private static void describe(String direction, SchemaPairCompatibility result, List<String> problems) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
    }
}
