package io.costlevel.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;

import io.costlevel.agent.attach.InstrumentedClasses;
import io.costlevel.agent.attach.StackSafeRetransformer;
import io.costlevel.agent.output.Snapshotter;

/**
 * A recording started by {@code costlevel attach}: after its duration it writes the final snapshot and recording,
 * takes its transformer out and gives the classes it instrumented their original code back, each at a moment no
 * thread is inside it (see StackSafeRetransformer): a class a thread is inside at every check of a round (ten, over
 * a second) keeps its instrumentation, counting at the probes' Level-0 cost, and is tried again in rounds with
 * growing pauses (1 s to a minute) until it is restored or another attach begins. One recording at a time in a JVM: a {@code -javaagent} one holds
 * it until exit, an attach until its duration ends.
 */
final class AgentSession {
    /**
     * Checks of all stacks per round of restoring, as when attaching: a short call that is often on the stack
     * (an instrumented method takes longer than its original) is found outside it at one of them.
     */
    private static final int CHECKS = AgentRuntime.ATTACH_CHECKS;
    private static final long CHECK_PAUSE_MILLIS = AgentRuntime.CHECK_PAUSE_MILLIS;
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long LAST_RETRY_MILLIS = 60_000;

    private static boolean busy;
    /** Counts the recordings begun, so a restore loop of an earlier one stops when a later one begins. */
    private static long begun;

    private final Instrumentation inst;
    private final ClassFileTransformer transformer;
    private final Snapshotter snapshotter;

    private AgentSession(Instrumentation inst, ClassFileTransformer transformer, Snapshotter snapshotter) {
        this.inst = inst;
        this.transformer = transformer;
        this.snapshotter = snapshotter;
    }

    /** Takes the JVM's one recording; false (and one line on stderr) when the agent records in it already. */
    static synchronized boolean claim() {
        if (busy) {
            System.err.println("costlevel: the agent is already recording this JVM; attach again when that recording ends");
            return false;
        }
        busy = true;
        begun++;
        return true;
    }

    static synchronized void release() {
        busy = false;
    }

    /** Ends the recording after {@code seconds} on a daemon thread, so the application never waits for it. */
    static void endAfter(int seconds, Instrumentation inst, ClassFileTransformer transformer, Snapshotter snapshotter) {
        AgentSession session = new AgentSession(inst, transformer, snapshotter);
        Thread timer = new Thread(() -> session.endAfter(seconds * 1000L), "costlevel-detach");
        timer.setDaemon(true);
        timer.start();
    }

    private void endAfter(long millis) {
        long session;
        synchronized (AgentSession.class) {
            session = begun;
        }
        try {
            Thread.sleep(millis);
            // Counts first, while the probes still run, so the final snapshot covers the whole duration.
            snapshotter.finish();
            inst.removeTransformer(transformer);
        } catch (Throwable t) {
            AgentErrors.report("could not end the attach cleanly", t);
        } finally {
            release();
        }
        try {
            restoreUntilDone(session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            AgentErrors.report("could not remove the instrumentation after the attach", t);
        }
    }

    private void restoreUntilDone(long session) throws InterruptedException {
        StackSafeRetransformer retransformer = new StackSafeRetransformer(inst);
        for (long pause = FIRST_RETRY_MILLIS; ; pause = Math.min(LAST_RETRY_MILLIS, pause * 2)) {
            synchronized (AgentSession.class) {
                if (busy || begun != session) {
                    return; // a new attach instruments anew, and restores at its own end
                }
                List<Class<?>> instrumented = InstrumentedClasses.among(inst.getAllLoadedClasses());
                StackSafeRetransformer.Outcome outcome = retransformer.retransform(instrumented, CHECKS, CHECK_PAUSE_MILLIS);
                InstrumentedClasses.restored(instrumented, outcome.running());
                if (outcome.running().isEmpty()) {
                    return;
                }
                if (pause == FIRST_RETRY_MILLIS) {
                    System.err.println("costlevel: " + outcome.running().size() + " class(es) keep their probes until no"
                            + " thread is inside them (first: " + outcome.running().get(0).getName() + "); retried");
                }
            }
            Thread.sleep(pause);
        }
    }
}
