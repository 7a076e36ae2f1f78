package org.casebridge.support.lifecycle;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops this service when the process that launched it has gone.
 *
 * <p>The local federation starts every service as a child process. A launcher killed hard (SIGKILL) cannot run its
 * shutdown hook, and its children would otherwise live on holding ports and databases; with
 * {@code casebridge.parent-pid} set, each child follows its parent down instead.
 */
@Context
@Requires(property = "casebridge.parent-pid")
public class ParentProcessWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    public ParentProcessWatchdog(@Value("${casebridge.parent-pid}") long parentPid, ApplicationContext context) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            throw new IllegalStateException("parent process " + parentPid + " is not running");
        }
        parent.get().onExit().thenRun(() -> {
            LOG.warn("Parent process {} has exited; stopping", parentPid);
            context.close();
            System.exit(0);
        });
    }
}
