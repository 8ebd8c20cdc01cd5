package io.costlevel.agent;

import java.lang.instrument.Instrumentation;

import io.costlevel.agent.instrument.CallSiteTransformer;
import io.costlevel.agent.instrument.Selection;
import io.costlevel.agent.output.Snapshotter;

/**
 * A recording started by {@code costlevel attach}: after its duration it writes the final snapshot and recording,
 * then takes its transformer out and retransforms the classes it had instrumented, which gives them back their
 * original code, so the application runs on as it was before the attach. One recording at a time in a JVM: a
 * {@code -javaagent} one holds it until exit, an attach until its duration ends.
 */
final class AgentSession {
    private static boolean busy;

    private final Instrumentation inst;
    private final CallSiteTransformer transformer;
    private final Selection selection;
    private final Snapshotter snapshotter;

    private AgentSession(Instrumentation inst, CallSiteTransformer transformer, Selection selection,
            Snapshotter snapshotter) {
        this.inst = inst;
        this.transformer = transformer;
        this.selection = selection;
        this.snapshotter = snapshotter;
    }

    /** Takes the JVM's one recording; false (and one line on stderr) when the agent records in it already. */
    static synchronized boolean claim() {
        if (busy) {
            System.err.println("costlevel: the agent is already recording this JVM; attach again when that recording ends");
            return false;
        }
        busy = true;
        return true;
    }

    static synchronized void release() {
        busy = false;
    }

    /** Ends the recording after {@code seconds} on a daemon thread, so the application never waits for it. */
    static void endAfter(int seconds, Instrumentation inst, CallSiteTransformer transformer, Selection selection,
            Snapshotter snapshotter) {
        AgentSession session = new AgentSession(inst, transformer, selection, snapshotter);
        Thread timer = new Thread(() -> session.endAfter(seconds * 1000L), "costlevel-detach");
        timer.setDaemon(true);
        timer.start();
    }

    private void endAfter(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // Counts first, while the probes still run, so the final snapshot covers the whole duration.
            snapshotter.finish();
            inst.removeTransformer(transformer);
            AgentRuntime.retransformLoaded(inst, selection);
        } catch (Throwable t) {
            AgentErrors.report("could not remove the instrumentation after the attach", t);
        } finally {
            release();
        }
    }
}
