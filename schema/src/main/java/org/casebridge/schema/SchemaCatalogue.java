package org.casebridge.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.messages.v1.CaseContributionAdded;
import org.casebridge.messages.v1.CasePurgeConfirmed;
import org.casebridge.messages.v1.CaseShareRevoked;
import org.casebridge.messages.v1.CaseShared;
import org.casebridge.messages.v1.CaseUpdated;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.Envelope;
import org.casebridge.messages.v1.EvidenceRequestClosed;
import org.casebridge.messages.v1.EvidenceRequestDecided;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.messages.v1.EvidenceRequestInformationProvided;
import org.casebridge.messages.v1.EvidenceRequestProgressNoted;
import org.casebridge.messages.v1.EvidenceRequestReceived;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.messages.v1.EvidenceRequestWithdrawn;
import org.casebridge.messages.v1.JointActionGoDecision;
import org.casebridge.messages.v1.JointActionOutcomeReported;
import org.casebridge.messages.v1.JointActionParticipationAnswered;
import org.casebridge.messages.v1.JointActionPlanUpdated;
import org.casebridge.messages.v1.JointActionProposed;
import org.casebridge.messages.v1.JointActionReadinessDeclared;
import org.casebridge.messages.v1.JointActionStatusChanged;
import org.casebridge.messages.v1.PreservationExtended;

/**
 * Every top-level type of the contract with its current schema and every released version of it.
 *
 * <p>Released versions are frozen copies under {@code org/casebridge/schema/history/<release>/} in this jar, listed
 * in {@code org/casebridge/schema/history/index.txt}. A single-object encoded record names its writer schema by
 * fingerprint; {@link #version(long)} finds it among all versions, so a record written by any released version
 * decodes. Immutable and thread-safe.
 */
public final class SchemaCatalogue {

    /** Classpath folder of the frozen schema history. */
    public static final String HISTORY_ROOT = "org/casebridge/schema/history/";

    /** Classpath folder of the canonical {@code .avsc} files, one named type per file. */
    public static final String AVSC_ROOT = "org/casebridge/schema/avro/";

    /** The federation payload types, in the order the partner guide lists them. */
    private static final List<Class<? extends SpecificRecord>> PAYLOADS = List.of(
            CaseShared.class, CaseUpdated.class, CaseShareRevoked.class, CasePurgeConfirmed.class,
            CaseContributionAdded.class,
            EvidenceRequestSent.class, EvidenceRequestReceived.class, EvidenceRequestDecided.class,
            EvidenceRequestInformationProvided.class, EvidenceRequestProgressNoted.class,
            EvidenceRequestFulfilled.class, EvidenceRequestWithdrawn.class, PreservationExtended.class,
            EvidenceRequestClosed.class,
            JointActionProposed.class, JointActionParticipationAnswered.class, JointActionPlanUpdated.class,
            JointActionReadinessDeclared.class, JointActionGoDecision.class, JointActionStatusChanged.class,
            JointActionOutcomeReported.class,
            DeliveryReceipt.class);

    private static final SchemaCatalogue STANDARD = load();

    private final Map<String, MessageType> typesByName;
    private final Map<Class<?>, MessageType> typesByClass;
    private final Map<Long, SchemaVersion> versionsByFingerprint;
    private final List<String> releases;

    private SchemaCatalogue(List<MessageType> types, List<String> releases) {
        Map<String, MessageType> byName = new LinkedHashMap<>();
        Map<Class<?>, MessageType> byClass = new LinkedHashMap<>();
        Map<Long, SchemaVersion> byFingerprint = new LinkedHashMap<>();
        for (MessageType type : types) {
            byName.put(type.name(), type);
            byClass.put(type.javaClass(), type);
            for (SchemaVersion version : type.history()) {
                putVersion(byFingerprint, version);
            }
            putVersion(byFingerprint, new SchemaVersion(type.name(), SchemaVersion.CURRENT, type.schema(), type.fingerprint()));
        }
        this.typesByName = Collections.unmodifiableMap(byName);
        this.typesByClass = Collections.unmodifiableMap(byClass);
        this.versionsByFingerprint = Collections.unmodifiableMap(byFingerprint);
        this.releases = List.copyOf(releases);
    }

    /** The catalogue of this jar: its compiled schemas and its frozen history. */
    public static SchemaCatalogue standard() {
        return STANDARD;
    }

    /** All top-level types: the envelope, every payload type, the domain event. */
    public List<MessageType> types() {
        return List.copyOf(typesByName.values());
    }

    /** The federation payload types. */
    public List<MessageType> payloadTypes() {
        return typesByName.values().stream().filter(t -> t.kind() == MessageType.Kind.PAYLOAD).toList();
    }

    /** The envelope type. */
    public MessageType envelope() {
        return typesByName.get(Envelope.getClassSchema().getFullName());
    }

    /** The domain event type. */
    public MessageType domainEvent() {
        return typesByName.get(DomainEvent.getClassSchema().getFullName());
    }

    /** A type by its full Avro name (an envelope's {@code payloadType}). */
    public Optional<MessageType> type(String fullName) {
        return Optional.ofNullable(typesByName.get(fullName));
    }

    /** A type by its generated class. */
    public Optional<MessageType> type(Class<?> javaClass) {
        return Optional.ofNullable(typesByClass.get(javaClass));
    }

    /** The schema version a single-object fingerprint names, among all released versions and the current ones. */
    public Optional<SchemaVersion> version(long fingerprint) {
        return Optional.ofNullable(versionsByFingerprint.get(fingerprint));
    }

    /** The names of the releases whose schemas are frozen in this jar, oldest first, e.g. {@code [v1]}. */
    public List<String> releases() {
        return releases;
    }

    /**
     * A catalogue that also knows one more writer version of one of its types, e.g. a version published by a
     * partner's release that this jar predates. Readers resolve it like any frozen version.
     *
     * @throws IllegalArgumentException if the type is not in this catalogue
     */
    public SchemaCatalogue withVersion(SchemaVersion version) {
        MessageType type = type(version.typeName()).orElseThrow(
                () -> new IllegalArgumentException("not a type of this catalogue: " + version.typeName()));
        List<SchemaVersion> history = new ArrayList<>(type.history());
        history.add(version);
        List<MessageType> types = new ArrayList<>();
        for (MessageType t : typesByName.values()) {
            types.add(t != type ? t : new MessageType(t.name(), t.kind(), t.javaClass(), t.schema(), t.fingerprint(), history));
        }
        return new SchemaCatalogue(types, releases);
    }

    /** The CRC-64-AVRO fingerprint of a schema's parsing canonical form, as single-object encoding uses it. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static void putVersion(Map<Long, SchemaVersion> byFingerprint, SchemaVersion version) {
        SchemaVersion known = byFingerprint.get(version.fingerprint());
        if (known != null && !known.typeName().equals(version.typeName())) {
            throw new IllegalStateException("fingerprint collision between " + known.typeName() + " and " + version.typeName());
        }
        // Versions that differ only in documentation share a fingerprint; the first (oldest) one is kept.
        byFingerprint.putIfAbsent(version.fingerprint(), version);
    }

    private static SchemaCatalogue load() {
        List<String> entries = readIndex();
        List<String> releases = new ArrayList<>();
        Map<String, List<SchemaVersion>> history = new LinkedHashMap<>();
        for (String entry : entries) {
            int slash = entry.indexOf('/');
            if (slash < 0 || !entry.endsWith(".avsc")) {
                throw new IllegalStateException("bad schema history entry: " + entry);
            }
            String release = entry.substring(0, slash);
            if (!releases.contains(release)) {
                releases.add(release);
            }
            Schema schema = parse(HISTORY_ROOT + entry);
            history.computeIfAbsent(schema.getFullName(), n -> new ArrayList<>())
                    .add(new SchemaVersion(schema.getFullName(), release, schema, fingerprint(schema)));
        }
        List<MessageType> types = new ArrayList<>();
        types.add(type(Envelope.class, MessageType.Kind.ENVELOPE, history));
        for (Class<? extends SpecificRecord> payload : PAYLOADS) {
            types.add(type(payload, MessageType.Kind.PAYLOAD, history));
        }
        types.add(type(DomainEvent.class, MessageType.Kind.DOMAIN_EVENT, history));
        for (String frozen : history.keySet()) {
            if (types.stream().noneMatch(t -> t.name().equals(frozen))) {
                throw new IllegalStateException("released type " + frozen + " is missing from this version");
            }
        }
        return new SchemaCatalogue(types, releases);
    }

    private static MessageType type(Class<? extends SpecificRecord> javaClass, MessageType.Kind kind,
                                    Map<String, List<SchemaVersion>> history) {
        Schema schema = SpecificData.get().getSchema(javaClass);
        return new MessageType(schema.getFullName(), kind, javaClass, schema, fingerprint(schema),
                history.getOrDefault(schema.getFullName(), List.of()));
    }

    private static List<String> readIndex() {
        List<String> entries = new ArrayList<>();
        try (InputStream in = resource(HISTORY_ROOT + "index.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    entries.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema history index", e);
        }
        return entries;
    }

    private static Schema parse(String path) {
        try (InputStream in = resource(path)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frozen schema " + path, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SchemaCatalogue.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }
}
