package io.costlevel.analyzer.attach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costlevel.analyzer.input.InputResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits for the agent's last snapshot of this attach: a costlevel-sites.json marked final and written after the
 * attach began (a snapshot of an earlier attach into the same directory does not count). The agent replaces the
 * file atomically, so every read sees a whole file.
 */
final class FinalSnapshot {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long POLL_MILLIS = 200;

    private FinalSnapshot() {}

    static void await(Path out, long pid, long attachedAtMillis, long timeoutMillis) throws AttachException, InterruptedException {
        Path sites = out.resolve(InputResolver.AGENT_SITES);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!isFinal(sites, attachedAtMillis)) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                throw new AttachException("PID " + pid + " ended before the recording did; " + out
                        + " holds its last periodic snapshot, if any");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AttachException("no final recording in " + out + " after " + timeoutMillis / 1000
                        + " s; the application's stderr says why (is the agent already recording that JVM?)");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean isFinal(Path sites, long attachedAtMillis) {
        if (!Files.isRegularFile(sites)) {
            return false;
        }
        try {
            JsonNode snapshot = MAPPER.readTree(sites.toFile()).path("snapshot");
            return snapshot.path("final").asBoolean(false) && snapshot.path("wallMillis").asLong(0) >= attachedAtMillis;
        } catch (IOException e) {
            return false; // not there yet in a readable form
        }
    }
}
