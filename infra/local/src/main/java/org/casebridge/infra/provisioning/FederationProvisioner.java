package org.casebridge.infra.provisioning;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.kafka.SaslClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Brings a Kafka cluster in line with the partner directory: topics, one SCRAM-SHA-512 principal per agency and
 * the ACLs that confine each agency to its own data. Creates only what is missing, so running it again changes
 * nothing; it never deletes, never changes partition counts and never resets an existing principal's password.
 *
 * <p>For every agency {@code C} (principal {@code User:C}):
 * <ul>
 *   <li>topics {@code casebridge.inbox.C}, {@code casebridge.events.C} and their {@code .dlt} topics;</li>
 *   <li>READ and DESCRIBE on its inbox; READ, DESCRIBE and WRITE on its events topic and both dead-letter topics;</li>
 *   <li>WRITE on every inbox (topic prefix {@code casebridge.inbox.}), which is also all an idempotent producer
 *       needs since Kafka 2.8 (IDEMPOTENT_WRITE on the cluster is deprecated);</li>
 *   <li>READ and DESCRIBE on consumer groups whose id starts with {@code C};</li>
 *   <li>WRITE and DESCRIBE on transactional ids that start with {@code C}.</li>
 * </ul>
 * Nothing else: with {@code allow.everyone.if.no.acl.found=false}, reading a partner's inbox is refused.
 */
public final class FederationProvisioner {

    /** SCRAM iterations; 4096 is Kafka's minimum for SCRAM-SHA-512. */
    public static final int SCRAM_ITERATIONS = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(FederationProvisioner.class);
    private static final long TIMEOUT_SECONDS = 120;

    private final Map<String, Object> adminClientProperties;

    /**
     * @param adminClientProperties Kafka admin client properties of a principal allowed to create topics, SCRAM
     *                              users and ACLs (e.g. {@code KafkaEndpoint.adminClientProperties()})
     */
    public FederationProvisioner(Map<String, ?> adminClientProperties) {
        this.adminClientProperties = new HashMap<>(adminClientProperties);
    }

    /**
     * Creates whatever the directory needs and the cluster lacks.
     *
     * @throws IllegalArgumentException if an agency code is a prefix of another (their consumer-group ACLs would overlap)
     * @throws IllegalStateException    if the cluster refuses or does not answer
     */
    public ProvisioningReport provision(PartnerDirectory directory, AgencyPasswords passwords, TopicLayout layout) {
        checkNoCodeIsAPrefixOfAnother(directory);
        try (Admin admin = Admin.create(adminClientProperties)) {
            int[] topics = createTopics(admin, directory, layout);
            int[] principals = createPrincipals(admin, directory, passwords);
            int[] acls = createAcls(admin, directory);
            ProvisioningReport report = new ProvisioningReport(directory.size(), topics[0], topics[1],
                    principals[0], principals[1], acls[0], acls[1]);
            LOG.info("provisioned partner directory {}: {}", directory.version(), report);
            return report;
        } catch (ExecutionException e) {
            throw new IllegalStateException("provisioning failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("provisioning timed out: the cluster did not answer in "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("provisioning interrupted", e);
        }
    }

    /**
     * Waits until an agency principal can authenticate and see its inbox. Brokers apply new credentials and ACLs a
     * moment after the controller accepted them; records of one provisioning run are applied in order, so once the
     * directory's last agency has access, all have.
     *
     * @throws IllegalStateException if access does not come within the timeout
     */
    public void awaitAgencyAccess(String agencyCode, String password, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(adminClientProperties);
        String mechanism = String.valueOf(properties.getOrDefault("sasl.mechanism", "SCRAM-SHA-512"));
        properties.put("sasl.jaas.config",
                SaslClientProperties.jaasConfig(mechanism, new KafkaCredentials(agencyCode, password)));
        properties.put("default.api.timeout.ms", "5000");
        properties.put("request.timeout.ms", "2000");
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin agency = Admin.create(properties)) {
                agency.describeTopics(List.of(KafkaTopics.inbox(agencyCode))).allTopicNames()
                        .get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                last = new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + agencyCode, e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + agencyCode, e);
            }
        }
        throw new IllegalStateException("agency " + agencyCode + " has no access after " + timeout.toMillis()
                + " ms: " + (last == null ? "no attempt" : last.getMessage()), last);
    }

    /** The topics an agency owns: inbox, events and their dead-letter topics. */
    public static List<String> topicsOf(String agencyCode) {
        String inbox = KafkaTopics.inbox(agencyCode);
        String events = KafkaTopics.events(agencyCode);
        return List.of(inbox, events, KafkaTopics.deadLetter(inbox), KafkaTopics.deadLetter(events));
    }

    /** The ACL bindings of one agency's principal. */
    public static List<AclBinding> aclsOf(String agencyCode) {
        String principal = "User:" + agencyCode;
        String inbox = KafkaTopics.inbox(agencyCode);
        List<AclBinding> bindings = new ArrayList<>();
        allow(bindings, principal, literalTopic(inbox), AclOperation.READ, AclOperation.DESCRIBE);
        for (String topic : List.of(KafkaTopics.events(agencyCode), KafkaTopics.deadLetter(inbox),
                KafkaTopics.deadLetter(KafkaTopics.events(agencyCode)))) {
            allow(bindings, principal, literalTopic(topic), AclOperation.READ, AclOperation.DESCRIBE, AclOperation.WRITE);
        }
        allow(bindings, principal, new ResourcePattern(ResourceType.TOPIC, KafkaTopics.INBOX_PREFIX, PatternType.PREFIXED),
                AclOperation.WRITE);
        allow(bindings, principal, new ResourcePattern(ResourceType.GROUP, agencyCode, PatternType.PREFIXED),
                AclOperation.READ, AclOperation.DESCRIBE);
        // Not needed by an idempotent producer; there so that a transactional one only needs its id prefixed.
        allow(bindings, principal, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, agencyCode, PatternType.PREFIXED),
                AclOperation.WRITE, AclOperation.DESCRIBE);
        return bindings;
    }

    private int[] createTopics(Admin admin, PartnerDirectory directory, TopicLayout layout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, String> configs = new HashMap<>();
        layout.minInsyncReplicas().ifPresent(min -> configs.put("min.insync.replicas", String.valueOf(min)));
        List<NewTopic> missing = new ArrayList<>();
        int present = 0;
        for (PartnerAgency agency : directory.agencies()) {
            for (String topic : topicsOf(agency.code())) {
                if (existing.contains(topic)) {
                    present++;
                } else {
                    int partitions = topic.endsWith(KafkaTopics.DEAD_LETTER_SUFFIX) ? 1 : layout.partitions();
                    missing.add(new NewTopic(topic, partitions, layout.replicationFactor()).configs(configs));
                }
            }
        }
        int created = 0;
        if (!missing.isEmpty()) {
            var results = admin.createTopics(missing).values();
            for (var result : results.entrySet()) {
                try {
                    result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    // Someone else created it between listing and creating.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    present++;
                }
            }
        }
        return new int[] {created, present};
    }

    private int[] createPrincipals(Admin admin, PartnerDirectory directory, AgencyPasswords passwords)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.describeUserScramCredentials().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .entrySet().stream()
                .filter(user -> user.getValue().credentialInfos().stream()
                        .anyMatch(info -> info.mechanism() == ScramMechanism.SCRAM_SHA_512))
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
        List<UserScramCredentialAlteration> upsertions = new ArrayList<>();
        int present = 0;
        for (PartnerAgency agency : directory.agencies()) {
            if (existing.contains(agency.code())) {
                present++;
            } else {
                upsertions.add(new UserScramCredentialUpsertion(agency.code(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                        passwords.passwordFor(agency.code())));
            }
        }
        if (!upsertions.isEmpty()) {
            admin.alterUserScramCredentials(upsertions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return new int[] {upsertions.size(), present};
    }

    private int[] createAcls(Admin admin, PartnerDirectory directory)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<AclBinding> existing = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        Set<AclBinding> wanted = new LinkedHashSet<>();
        directory.agencies().forEach(agency -> wanted.addAll(aclsOf(agency.code())));
        List<AclBinding> missing = wanted.stream().filter(binding -> !existing.contains(binding)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return new int[] {missing.size(), wanted.size() - missing.size()};
    }

    private static void checkNoCodeIsAPrefixOfAnother(PartnerDirectory directory) {
        for (String code : directory.codes()) {
            for (String other : directory.codes()) {
                if (!code.equals(other) && other.startsWith(code)) {
                    throw new IllegalArgumentException("agency code " + code + " is a prefix of " + other
                            + ": the consumer groups and transactional ids of " + other + " would be open to " + code);
                }
            }
        }
    }

    private static ResourcePattern literalTopic(String topic) {
        return new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    }

    private static void allow(List<AclBinding> bindings, String principal, ResourcePattern resource,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(resource,
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
