package org.casebridge.node.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build: from the Maven descriptor every packaged jar carries, else the jar manifest, else
 * {@value #UNPACKAGED} (running from compiled classes, as in an IDE or a test).
 */
@Singleton
public class BuildVersion {

    static final String POM_PROPERTIES = "META-INF/maven/org.casebridge/case-service/pom.properties";
    static final String UNPACKAGED = "development";

    private final String version;

    public BuildVersion() {
        this(BuildVersion.class.getClassLoader(), POM_PROPERTIES);
    }

    BuildVersion(ClassLoader classLoader, String pomProperties) {
        String fromPom = readPomVersion(classLoader, pomProperties);
        String fromManifest = BuildVersion.class.getPackage().getImplementationVersion();
        this.version = fromPom != null ? fromPom : fromManifest != null ? fromManifest : UNPACKAGED;
    }

    public String version() {
        return version;
    }

    private static String readPomVersion(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty("version");
            return value == null || value.isBlank() ? null : value.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
