package io.costlevel.agent.attach;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.costlevel.agent.AgentErrors;
import io.costlevel.agent.output.NotInstrumented;

/**
 * Retransforms classes, but never one that has a method on a thread's stack. Why (issue 13): retransforming
 * makes each running call of the class's methods an old version of its method, and HotSpot never compiles an old
 * method again, so a thread that stays in that call (a worker, consumer, event or batch loop) runs interpreted
 * until it returns: 10x slower, for good if it never returns, and async-profiler 4.2's stack walker cuts every
 * sample at such a frame ({@code [break_interpreted]}). So each check takes all stacks at once and retransforms,
 * right after, the classes none of them is inside; the others are tried again at the next check. A call entered
 * between a check and its retransformation (milliseconds) is interpreted until it returns; a call that lasts
 * is the one that was already running, and that class waited.
 */
public final class StackSafeRetransformer {
    /** Classes per retransformation: each is one safepoint, whose pause grows with the classes in it. */
    private static final int BATCH = 128;

    private final Instrumentation inst;

    public StackSafeRetransformer(Instrumentation inst) {
        this.inst = inst;
    }

    /** What {@link #retransform} did: the classes it retransformed, those it left out and why. */
    public record Outcome(List<Class<?>> retransformed, List<Class<?>> running, List<NotInstrumented> leftOut) {}

    /**
     * Retransforms each of {@code classes} at the first of {@code checks} checks, {@code pauseMillis} apart, at
     * which no thread is inside it. Those still running at the last check are left out, as are those the JVM
     * refuses.
     */
    public Outcome retransform(Collection<Class<?>> classes, int checks, long pauseMillis) throws InterruptedException {
        List<Class<?>> pending = new ArrayList<>(classes);
        List<Class<?>> retransformed = new ArrayList<>();
        List<NotInstrumented> leftOut = new ArrayList<>();
        LiveStacks stacks = null;
        for (int check = 0; check < checks && !pending.isEmpty(); check++) {
            if (check > 0) {
                Thread.sleep(pauseMillis);
            }
            stacks = LiveStacks.now();
            List<Class<?>> ready = new ArrayList<>();
            List<Class<?>> running = new ArrayList<>();
            for (Class<?> type : pending) {
                (stacks.running(type) ? running : ready).add(type);
            }
            retransformInBatches(ready, retransformed, leftOut);
            pending = running;
        }
        for (Class<?> type : pending) {
            leftOut.add(new NotInstrumented(type.getName(), NotInstrumented.ON_STACK, stacks.methods(type)));
        }
        return new Outcome(retransformed, pending, leftOut);
    }

    private void retransformInBatches(List<Class<?>> ready, List<Class<?>> retransformed, List<NotInstrumented> failed) {
        for (int from = 0; from < ready.size(); from += BATCH) {
            List<Class<?>> batch = ready.subList(from, Math.min(ready.size(), from + BATCH));
            try {
                inst.retransformClasses(batch.toArray(new Class<?>[0]));
                retransformed.addAll(batch);
            } catch (Throwable refused) {
                // The JVM retransforms a batch whole or not at all: one by one, to lose only the class it refuses.
                for (Class<?> type : batch) {
                    retransformOne(type, retransformed, failed);
                }
            }
        }
    }

    private void retransformOne(Class<?> type, List<Class<?>> retransformed, List<NotInstrumented> failed) {
        try {
            inst.retransformClasses(type);
            retransformed.add(type);
        } catch (Throwable t) {
            AgentErrors.report("could not retransform an already loaded class", " (first: " + type.getName() + ")", t);
            failed.add(new NotInstrumented(type.getName(), NotInstrumented.FAILED, List.of()));
        }
    }
}
