package org.casebridge.exports.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;

/** How exports run: {@code casebridge.exports.*}. */
@ConfigurationProperties("casebridge.exports")
public class ExportSettings {

    private int maxConcurrentDownloads = 3;
    private int jobThreads = 1;
    private Duration linkLifetime = Duration.ofHours(1);
    private Path directory;

    /** Direct downloads running at once (each holds a database connection while it streams). */
    public int getMaxConcurrentDownloads() {
        return maxConcurrentDownloads;
    }

    public void setMaxConcurrentDownloads(int maxConcurrentDownloads) {
        this.maxConcurrentDownloads = maxConcurrentDownloads;
    }

    /** Export jobs running at once; more wait in the queue. */
    public int getJobThreads() {
        return jobThreads;
    }

    public void setJobThreads(int jobThreads) {
        this.jobThreads = jobThreads;
    }

    /** How long a finished job's file can be downloaded; then it is deleted. */
    public Duration getLinkLifetime() {
        return linkLifetime;
    }

    public void setLinkLifetime(Duration linkLifetime) {
        this.linkLifetime = linkLifetime;
    }

    /** Where job files are written; by default a directory under the system's temporary directory. */
    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }
}
