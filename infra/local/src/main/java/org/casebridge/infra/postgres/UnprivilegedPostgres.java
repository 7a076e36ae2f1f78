package org.casebridge.infra.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.casebridge.infra.support.FreePorts;
import org.casebridge.infra.support.TempDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the embedded PostgreSQL binaries as an unprivileged OS user ({@code postgres} if it exists, else
 * {@code nobody}) through {@code setpriv}. Only for root on machines where user namespaces are blocked: there
 * {@code initdb} refuses to run as root and zonky's {@code unshare -U} is not allowed.
 */
final class UnprivilegedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnprivilegedPostgres.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path dataDirectory;
    private final Path binaries;
    private final OsUser user;
    private final int port;

    private UnprivilegedPostgres(Path dataDirectory, Path binaries, OsUser user, int port) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.user = user;
        this.port = port;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static UnprivilegedPostgres start(Path workDirectory) throws IOException {
        Path binaries = unpackBinaries();
        OsUser user = OsUser.find("postgres").orElseGet(() -> OsUser.find("nobody")
                .orElseThrow(() -> new IllegalStateException("neither a postgres nor a nobody OS user exists")));
        Files.createDirectories(workDirectory);
        Path data = workDirectory.resolve("data");
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        openPathFor(workDirectory);
        Files.setAttribute(data, "unix:uid", user.uid());
        Files.setAttribute(data, "unix:gid", user.gid());

        int port = FreePorts.next();
        UnprivilegedPostgres server = new UnprivilegedPostgres(data, binaries, user, port);
        server.run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
        Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + data + "'",
                "max_connections = 300",
                "fsync = off",
                "full_page_writes = off",
                "timezone = 'UTC'",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        server.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "start");
        LOG.debug("PostgreSQL running as {} on port {}", user.name(), port);
        return server;
    }

    int port() {
        return port;
    }

    String osUser() {
        return user.name();
    }

    @Override
    public void close() throws IOException {
        run("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    private void run(String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(),
                "--clear-groups", "--", binaries.resolve("bin").resolve(program).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " failed (exit " + process.exitValue() + "): " + output.strip());
        }
    }

    /** Lets the unprivileged user reach the data directory: our own temporary directories are rwx------. */
    private static void openPathFor(Path workDirectory) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        for (Path dir = workDirectory.toAbsolutePath().normalize(); dir != null && dir.startsWith(tmp) && !dir.equals(tmp);
             dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * Unpacks the PostgreSQL binaries from the classpath into {@code java.io.tmpdir} once per binaries version, readable
     * and executable by every user.
     */
    private static Path unpackBinaries() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
            archive = in.readAllBytes();
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = tmp.resolve("casebridge-pg-" + sha256(archive).substring(0, 16));
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(tmp, "casebridge-pg-unpack-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(staging.resolve(entry.getLinkName()), path, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (var dirs = Files.walk(staging)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM unpacked the same binaries first; use theirs.
            if (!Files.exists(target.resolve(".complete"))) {
                throw e;
            }
            TempDirectories.deleteQuietly(staging);
        }
        return target;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OS user looked up with {@code id}. */
    private record OsUser(String name, int uid, int gid) {

        static Optional<OsUser> find(String name) {
            try {
                return Optional.of(new OsUser(name, Integer.parseInt(id("-u", name)), Integer.parseInt(id("-g", name))));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static String id(String option, String name) throws IOException {
            Process process = new ProcessBuilder("id", option, name).redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (process.waitFor() != 0) {
                    throw new IOException("no OS user " + name);
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
