package org.casebridge.partners.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.infra.junit.NodeTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class PartnerDirectoryStartupIT {

    @Test
    void nodeWhoseAgencyIsNotInTheDirectoryRefusesToStart() {
        Map<String, Object> properties = new HashMap<>(NodeTestProperties.forAgency("DE-BKA", "startup_stranger"));
        properties.put("casebridge.agency.code", "XX-STRANGER");

        Throwable failure = catchThrowable(() -> start(properties).close());

        assertThat(failure).as("startup must fail").isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("XX-STRANGER")
                .hasMessageContaining("not in partner directory");
    }

    @Test
    void loadsTheDirectoryFileNamedInConfiguration(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("partner-directory.json");
        try (var in = Objects.requireNonNull(PartnerDirectory.class.getClassLoader()
                .getResourceAsStream("org/casebridge/directory/partner-directory.json"))) {
            String text = new String(in.readAllBytes()).replaceFirst("\"version\"\\s*:\\s*\"[^\"]*\"",
                    "\"version\" : \"9999.1.1-test\"");
            Files.writeString(file, text);
        }
        Map<String, Object> properties = new HashMap<>(NodeTestProperties.forAgency("DE-BKA", "startup_dirfile"));
        properties.put("casebridge.directory.path", file.toString());

        try (ApplicationContext context = start(properties)) {
            assertThat(context.getBean(PartnerDirectory.class).version()).isEqualTo("9999.1.1-test");
        }
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder().environments(Environment.TEST).deduceEnvironment(false)
                .properties(properties).start();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
