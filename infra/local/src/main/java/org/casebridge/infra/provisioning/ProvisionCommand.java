package org.casebridge.infra.provisioning;

import org.casebridge.directory.DirectoryLoader;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.infra.InfraSettings;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.kafka.SaslClientProperties;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Command line for {@link FederationProvisioner}, usable against any cluster. Run without arguments for help.
 *
 * <p>The admin connection comes from {@code --client-config} (a Kafka client properties file), else from the flags,
 * else from the {@code CASEBRIDGE_KAFKA_*} environment variables of {@link InfraSettings}. Passwords are never
 * taken from the command line, where other users of the machine could read them.
 */
public final class ProvisionCommand {

    static final String USAGE = """
            Creates the federation's Kafka topics, agency principals (SCRAM-SHA-512) and ACLs from the partner
            directory. Creates only what is missing: running it again changes nothing.

            Options:
              --client-config <file>        Kafka admin client properties (bootstrap.servers, security.protocol,
                                            sasl.mechanism, sasl.jaas.config, ssl.*); replaces the next five options
              --bootstrap <host:port,...>   default: CASEBRIDGE_KAFKA_BOOTSTRAP
              --security-protocol <p>       SASL_SSL or SASL_PLAINTEXT; default: CASEBRIDGE_KAFKA_SECURITY_PROTOCOL or SASL_SSL
              --sasl-mechanism <m>          default: CASEBRIDGE_KAFKA_SASL_MECHANISM or SCRAM-SHA-512
              --admin-user <name>           default: CASEBRIDGE_KAFKA_ADMIN_USER
              --admin-password-file <file>  file holding the admin password; default: CASEBRIDGE_KAFKA_ADMIN_PASSWORD
              --directory <file>            partner directory to provision; default: the shipped one
              --passwords <file>            agency passwords as CODE=password lines
              --passwords-from-env          agency passwords from CASEBRIDGE_AGENCY_PASSWORD_<CODE> (hyphens as _)
              --demo-passwords              the public demo passwords (local federations and tests only)
              --partitions <n>              partitions per inbox and events topic; default 1
              --replication-factor <n>      default 1; production: 3
              --min-insync-replicas <n>     set on every topic; production: 2
            """;

    private ProvisionCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @return 0 when provisioned, 1 when provisioning failed, 2 for bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println("provision: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        try {
            Map<String, Object> adminProperties = options.adminClientProperties();
            PartnerDirectory directory = options.directory == null
                    ? new DirectoryLoader().loadConfigured()
                    : new DirectoryLoader().load(options.directory);
            AgencyPasswords passwords = options.passwords();
            TopicLayout layout = new TopicLayout(options.partitions, options.replicationFactor,
                    options.minInsyncReplicas);
            out.println("provisioning partner directory " + directory.version() + " (" + directory.size()
                    + " agencies) on " + adminProperties.get("bootstrap.servers") + " with " + layout);
            ProvisioningReport report = new FederationProvisioner(adminProperties).provision(directory, passwords, layout);
            out.println(report);
            out.println(report.changedNothing() ? "nothing to do: the cluster already matched the directory"
                    : "done");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("provision: " + e.getMessage());
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("provision failed: " + e.getMessage());
            return 1;
        }
    }

    /** Parsed command line. */
    private static final class Options {
        boolean help;
        Path clientConfig;
        String bootstrap;
        String securityProtocol;
        String saslMechanism;
        String adminUser;
        Path adminPasswordFile;
        Path directory;
        Path passwordsFile;
        boolean passwordsFromEnvironment;
        boolean demoPasswords;
        int partitions = 1;
        short replicationFactor = 1;
        Optional<Integer> minInsyncReplicas = Optional.empty();

        static Options parse(List<String> args) {
            Options options = new Options();
            Iterator<String> it = args.iterator();
            if (!it.hasNext()) {
                options.help = true;
            }
            while (it.hasNext()) {
                String arg = it.next();
                switch (arg) {
                    case "-h", "--help" -> options.help = true;
                    case "--client-config" -> options.clientConfig = Path.of(value(arg, it));
                    case "--bootstrap" -> options.bootstrap = value(arg, it);
                    case "--security-protocol" -> options.securityProtocol = value(arg, it);
                    case "--sasl-mechanism" -> options.saslMechanism = value(arg, it);
                    case "--admin-user" -> options.adminUser = value(arg, it);
                    case "--admin-password-file" -> options.adminPasswordFile = Path.of(value(arg, it));
                    case "--directory" -> options.directory = Path.of(value(arg, it));
                    case "--passwords" -> options.passwordsFile = Path.of(value(arg, it));
                    case "--passwords-from-env" -> options.passwordsFromEnvironment = true;
                    case "--demo-passwords" -> options.demoPasswords = true;
                    case "--partitions" -> options.partitions = number(arg, value(arg, it));
                    case "--replication-factor" -> options.replicationFactor = (short) number(arg, value(arg, it));
                    case "--min-insync-replicas" -> options.minInsyncReplicas = Optional.of(number(arg, value(arg, it)));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            int passwordSources = (options.passwordsFile != null ? 1 : 0) + (options.passwordsFromEnvironment ? 1 : 0)
                    + (options.demoPasswords ? 1 : 0);
            if (!options.help && passwordSources != 1) {
                throw new IllegalArgumentException(
                        "choose exactly one of --passwords <file>, --passwords-from-env, --demo-passwords");
            }
            return options;
        }

        AgencyPasswords passwords() {
            if (demoPasswords) {
                return AgencyPasswords.demo();
            }
            return passwordsFromEnvironment ? AgencyPasswords.fromEnvironment()
                    : AgencyPasswords.fromPropertiesFile(passwordsFile);
        }

        Map<String, Object> adminClientProperties() throws IOException {
            Map<String, Object> properties = new HashMap<>();
            if (clientConfig != null) {
                Properties file = new Properties();
                try (Reader in = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
                    file.load(in);
                }
                file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
                if (!properties.containsKey("bootstrap.servers")) {
                    throw new IllegalArgumentException(clientConfig + " has no bootstrap.servers");
                }
                return properties;
            }
            Optional<InfraSettings.ExternalKafkaSettings> environment = Optional.empty();
            if (bootstrap == null || adminUser == null || adminPasswordFile == null) {
                environment = InfraSettings.fromEnvironment().externalKafka();
            }
            String servers = bootstrap != null ? bootstrap
                    : environment.map(InfraSettings.ExternalKafkaSettings::bootstrapServers).orElseThrow(
                            () -> new IllegalArgumentException("no cluster: give --client-config or --bootstrap, "
                                    + "or set CASEBRIDGE_KAFKA_BOOTSTRAP"));
            String protocol = securityProtocol != null ? securityProtocol
                    : environment.map(InfraSettings.ExternalKafkaSettings::securityProtocol).orElse("SASL_SSL");
            String mechanism = saslMechanism != null ? saslMechanism
                    : environment.map(InfraSettings.ExternalKafkaSettings::saslMechanism).orElse("SCRAM-SHA-512");
            String user = adminUser != null ? adminUser
                    : environment.map(settings -> settings.admin().username()).orElseThrow(
                            () -> new IllegalArgumentException("no admin user: give --admin-user or set "
                                    + "CASEBRIDGE_KAFKA_ADMIN_USER"));
            String password = adminPasswordFile != null ? Files.readString(adminPasswordFile).strip()
                    : environment.map(settings -> settings.admin().password()).orElseThrow(
                            () -> new IllegalArgumentException("no admin password: give --admin-password-file or "
                                    + "set CASEBRIDGE_KAFKA_ADMIN_PASSWORD"));
            Map<String, String> extra = environment.map(InfraSettings.ExternalKafkaSettings::extraClientProperties)
                    .orElse(Map.of());
            properties.putAll(SaslClientProperties.of(servers, protocol, mechanism, new KafkaCredentials(user, password),
                    extra));
            return properties;
        }

        private static String value(String option, Iterator<String> it) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return it.next();
        }

        private static int number(String option, String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
            }
        }
    }
}
