package org.casebridge.infra.provisioning;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.casebridge.directory.DirectoryLoader;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.infra.junit.NodeTestProperties;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Provisioning creates what the directory needs, and only once. */
class ProvisioningIT {

    private static final int TOPICS_PER_AGENCY = 4;
    private static final int ACLS_PER_AGENCY = 16;

    @Test
    void provisioningTheShippedDirectoryTwiceChangesNothing() throws Exception {
        PartnerDirectory directory = SharedInfrastructure.directory();
        SharedInfrastructure.get(); // provisions once
        ClusterCounts before = ClusterCounts.read();

        ProvisioningReport second = new FederationProvisioner(NodeTestProperties.adminClientProperties())
                .provision(directory, AgencyPasswords.demo(), TopicLayout.local());

        assertThat(second.changedNothing()).isTrue();
        assertThat(second.topicsPresent()).isEqualTo(TOPICS_PER_AGENCY * directory.size());
        assertThat(second.principalsPresent()).isEqualTo(directory.size());
        assertThat(second.aclsPresent()).isEqualTo(ACLS_PER_AGENCY * directory.size());
        assertThat(ClusterCounts.read()).isEqualTo(before);
        assertThat(before.topics()).containsAll(FederationProvisioner.topicsOf("FR-OFAC"));
    }

    @Test
    void createsWhatIsMissingThenNothing() {
        PartnerDirectory twoAgencies = new DirectoryLoader().parse("""
                {"version": "it-1", "publishedAt": "2026-11-01T00:00:00Z", "agencies": [
                  %s, %s ]}""".formatted(entry("ZZ-PROV-ALPHA"), entry("ZZ-PROV-BRAVO")), "two agencies");
        FederationProvisioner provisioner = new FederationProvisioner(NodeTestProperties.adminClientProperties());

        ProvisioningReport first = provisioner.provision(twoAgencies, AgencyPasswords.demo(), TopicLayout.local());
        ProvisioningReport second = provisioner.provision(twoAgencies, AgencyPasswords.demo(), TopicLayout.local());

        assertThat(first).isEqualTo(new ProvisioningReport(2, 8, 0, 2, 0, 32, 0));
        assertThat(second).isEqualTo(new ProvisioningReport(2, 0, 8, 0, 2, 0, 32));
    }

    @Test
    void commandLineProvisionsFromAClientConfigFile(@TempDir Path dir) throws Exception {
        Properties config = new Properties();
        NodeTestProperties.adminClientProperties().forEach(config::setProperty);
        Path configFile = dir.resolve("admin.properties");
        try (var out = Files.newBufferedWriter(configFile)) {
            config.store(out, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ProvisionCommand.run(new String[] {"--client-config", configFile.toString(), "--demo-passwords"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("topics 0 created, 320 already present")
                .contains("nothing to do");
    }

    private static String entry(String code) {
        return """
                {"code": "%s", "name": "Provisioning test %s", "jurisdiction": "DE", "timeZone": "Europe/Berlin",
                 "languages": ["de"], "contact": {"desk": "desk", "phone": "+49 30 000000", "email": "x@y.example"},
                 "inboxTopic": "casebridge.inbox.%s", "publicKey": "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
                 "sharingCeiling": "GREEN"}""".formatted(code, code, code);
    }

    /** What the cluster holds, to compare before and after. */
    private record ClusterCounts(Set<String> topics, int acls, int users) {
        static ClusterCounts read() throws Exception {
            Map<String, Object> properties = new HashMap<>(NodeTestProperties.adminClientProperties());
            try (Admin admin = Admin.create(properties)) {
                return new ClusterCounts(
                        admin.listTopics().names().get(),
                        admin.describeAcls(AclBindingFilter.ANY).values().get().size(),
                        admin.describeUserScramCredentials().all().get().size());
            }
        }
    }
}
