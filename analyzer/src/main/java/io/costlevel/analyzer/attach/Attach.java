package io.costlevel.analyzer.attach;

import java.nio.file.Path;

/**
 * {@code costlevel attach}: loads the agent into a running JVM with a duration, so the agent itself ends the
 * recording, writes {@code out} and removes its instrumentation even if this command is killed meanwhile; the
 * command only waits for that final snapshot.
 */
public final class Attach {
    /** What the agent may need beyond the duration: retransforming many classes, async-profiler's last chunk. */
    private static final long GRACE_MILLIS = 60_000;

    private final long pid;
    private final int seconds;
    private final Path out;
    private final String include;
    private final String extraOptions;

    /**
     * @param include      class-name prefixes separated by ';', or null for the agent's default
     * @param extraOptions more agent options ({@code key=value,...}), or null
     */
    public Attach(long pid, int seconds, Path out, String include, String extraOptions) {
        this.pid = pid;
        this.seconds = seconds;
        this.out = out.toAbsolutePath().normalize();
        this.include = include;
        this.extraOptions = extraOptions;
    }

    /** Records and returns the directory written, once the agent has finished it. */
    public Path run(Path agentJar) throws AttachException, InterruptedException {
        AgentLoader.checkProcess(pid); // first: a wrong PID is the likeliest mistake, and costs nothing to tell
        if (agentJar == null) {
            AgentLoader.checkSameUser(pid);
        }
        Path jar = BundledAgent.jar(agentJar); // verified in full on every attach, right before loading it
        long attachedAt = System.currentTimeMillis();
        AgentLoader.load(pid, jar, agentOptions());
        FinalSnapshot.await(out, pid, attachedAt, seconds * 1000L + GRACE_MILLIS);
        return out;
    }

    /** The out path is absolute: the agent resolves paths in the application's working directory, not ours. */
    String agentOptions() throws AttachException {
        if (out.toString().contains(",")) {
            throw new AttachException(out + ": the agent's options are comma-separated, so the out directory cannot contain a comma");
        }
        StringBuilder options = new StringBuilder("out=").append(out).append(",duration=").append(seconds);
        if (include != null && !include.isBlank()) {
            options.append(",include=").append(include);
        }
        if (extraOptions != null && !extraOptions.isBlank()) {
            options.append(',').append(extraOptions);
        }
        return options.toString();
    }
}
