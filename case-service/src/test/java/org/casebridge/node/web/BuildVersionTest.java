package org.casebridge.node.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BuildVersionTest {

    @Test
    void readsTheVersionFromTheMavenDescriptor(@TempDir Path root) throws Exception {
        Path descriptor = root.resolve(BuildVersion.POM_PROPERTIES);
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "groupId=org.casebridge\nartifactId=case-service\nversion=1.2.3\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThat(new BuildVersion(loader, BuildVersion.POM_PROPERTIES).version()).isEqualTo("1.2.3");
        }
    }

    @Test
    void fallsBackWhenNotPackaged(@TempDir Path root) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThat(new BuildVersion(loader, BuildVersion.POM_PROPERTIES).version())
                    .isEqualTo(BuildVersion.class.getPackage().getImplementationVersion() == null
                            ? BuildVersion.UNPACKAGED
                            : BuildVersion.class.getPackage().getImplementationVersion());
        }
    }
}
