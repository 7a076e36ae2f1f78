package org.casebridge.infra.demo;

import org.casebridge.directory.PartnerDirectory;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.KafkaEndpoint;
import org.casebridge.infra.LocalInfrastructure;
import org.casebridge.infra.NodeProperties;
import org.casebridge.infra.provisioning.AgencyPasswords;
import org.casebridge.infra.provisioning.FederationProvisioner;
import org.casebridge.infra.provisioning.ProvisioningReport;
import org.casebridge.infra.provisioning.TopicLayout;

import java.time.Duration;
import java.util.Map;

/**
 * The demo federation on a local infrastructure: provisioning with the public demo passwords, and each node's
 * properties with its demo principal and demo signing key. For local runs and tests only.
 */
public final class DemoFederation {

    private static final Duration ACCESS_TIMEOUT = Duration.ofSeconds(30);

    private DemoFederation() {
    }

    /**
     * Provisions every agency of the directory with the demo passwords (one partition, replication factor 1) and
     * waits until the brokers enforce the new principals and ACLs.
     */
    public static ProvisioningReport provision(KafkaEndpoint kafka, PartnerDirectory directory) {
        FederationProvisioner provisioner = new FederationProvisioner(kafka.adminClientProperties());
        ProvisioningReport report = provisioner.provision(directory, AgencyPasswords.demo(), TopicLayout.local());
        String lastAgency = directory.codes().get(directory.size() - 1);
        provisioner.awaitAgencyAccess(lastAgency, AgencyPasswords.demo().passwordFor(lastAgency), ACCESS_TIMEOUT);
        return report;
    }

    /** An agency's Kafka principal with its demo password. */
    public static KafkaCredentials principal(String agencyCode) {
        return new KafkaCredentials(agencyCode, AgencyPasswords.demo().passwordFor(agencyCode));
    }

    /**
     * The properties of an agency node on {@code database}: datasource, Kafka as the agency's own principal, agency
     * code and demo signing key (see {@link NodeProperties} for the names).
     */
    public static Map<String, String> nodeProperties(LocalInfrastructure infrastructure, String agencyCode,
                                                     DatabaseCoordinates database) {
        return NodeProperties.node(database, infrastructure.kafka(), principal(agencyCode), agencyCode,
                DemoAgencyKeys.load().seedBase64(agencyCode));
    }
}
