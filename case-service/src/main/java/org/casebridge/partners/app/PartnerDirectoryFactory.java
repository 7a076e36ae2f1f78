package org.casebridge.partners.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import org.casebridge.directory.DirectoryLoader;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Loads the partner directory once, at start: the file named by {@code casebridge.directory.path} (environment
 * variable {@code CASEBRIDGE_DIRECTORY_PATH}) or else the version shipped on the classpath. A node whose own agency
 * is not in the directory refuses to start: partners could not verify anything it sends.
 */
@Factory
public class PartnerDirectoryFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDirectoryFactory.class);

    @Context
    PartnerDirectory partnerDirectory(AgencyConfiguration agency,
                                      @Nullable @Value("${casebridge.directory.path:}") String path) {
        DirectoryLoader loader = new DirectoryLoader();
        boolean fromFile = path != null && !path.isBlank();
        PartnerDirectory directory = fromFile ? loader.load(Path.of(path)) : loader.loadDefault();
        if (directory.find(agency.getCode()).isEmpty()) {
            throw new ConfigurationException("This node's agency " + agency.getCode() + " (casebridge.agency.code) is "
                    + "not in partner directory version " + directory.version()
                    + (fromFile ? " from " + path : " shipped with CaseBridge")
                    + "; add it to the directory or correct the agency code");
        }
        LOG.info("Partner directory version {} ({} agencies) from {}", directory.version(), directory.size(),
                fromFile ? path : "the classpath");
        return directory;
    }
}
