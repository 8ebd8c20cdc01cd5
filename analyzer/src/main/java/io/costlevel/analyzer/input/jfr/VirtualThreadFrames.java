package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.Stack;
import io.costlevel.analyzer.attribution.StackAttributor.Frame;

import java.util.Set;

/**
 * What a stack says about virtual threads (JDK 21+). A virtual thread that waits unmounts: its park goes through
 * {@code java.lang.VirtualThread.park} and {@code jdk.internal.vm.Continuation.yield}, and the thread that wakes
 * it resubmits it to the scheduler through {@code VirtualThread.unpark}; neither enters the kernel to switch
 * threads. A pinned virtual thread parks on its carrier instead ({@code VirtualThread.parkOnCarrierThread}), and
 * the frame that pinned it is a class initializer or a native method under the blocking call.
 */
final class VirtualThreadFrames {
    private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
    private static final String CONTINUATION = "jdk.internal.vm.Continuation";
    /** The unmount and remount path; parkOnCarrierThread (pinned) is not in it. */
    private static final Set<String> VIRTUAL_THREAD_HANDOFF = Set.of("park", "parkNanos", "yieldContinuation",
            "unpark", "submitRunContinuation", "lazySubmitRunContinuation", "externalSubmitRunContinuation");
    private static final Set<String> CONTINUATION_HANDOFF = Set.of("yield", "yield0", "doYield");
    /**
     * Starting a virtual thread submits its first run to the scheduler through the same submitRunContinuation as a
     * wake-up, but nothing unmounts or hands over: it is a task submission, an executor's submit (a platform caller of
     * a virtual-thread-per-task executor whose CPU samples there read "virtual threads hand over here", L3, 2026-12-06).
     */
    private static final String START = "start";
    /** A pinned virtual thread parks its carrier here (JDK 21+): the park is the carrier's, a kernel switch. */
    private static final String PARK_ON_CARRIER = "parkOnCarrierThread";
    /** JFR's and async-profiler's frame type of a native method. */
    private static final byte NATIVE_FRAME_TYPE = 3;
    private static final String CLASS_INITIALIZER = "<clinit>";
    /** The park and the virtual-thread machinery above the pinning frame: never what pinned the thread. */
    private static final Set<String> MACHINERY = Set.of("jdk.internal.misc.Unsafe", VIRTUAL_THREAD, CONTINUATION,
            "java.lang.Thread", "java.util.concurrent.locks.LockSupport");
    private static final int NO_LINE = 0xffff;
    /** How far up from the bottom {@code VirtualThread.run} is looked for (it is the fifth frame on JDK 25). */
    private static final int VIRTUAL_BOTTOM_FRAMES = 8;

    private VirtualThreadFrames() {}

    /**
     * True when a frame between the top and the site's frame is in the unmount/remount path: the event (a CPU
     * sample, a park) is a virtual thread handing over its carrier or waking another virtual thread.
     */
    static boolean inHandoff(Stack stack, SiteKey site) {
        if (site == null) {
            return false;
        }
        boolean handoff = false;
        for (int i = 0; i < stack.depth(); i++) {
            String cls = stack.className(i);
            if (cls.equals(site.className())) {
                return handoff;
            }
            if (cls.equals(VIRTUAL_THREAD) || cls.equals(CONTINUATION)) {
                String method = stack.frame(i).methodName();
                if (method.equals(PARK_ON_CARRIER)) {
                    return false; // pinned: nearer the top than the parkNanos that called it
                }
                if (cls.equals(VIRTUAL_THREAD) && method.equals(START)) {
                    return false;
                }
                handoff |= cls.equals(VIRTUAL_THREAD) ? VIRTUAL_THREAD_HANDOFF.contains(method)
                        : CONTINUATION_HANDOFF.contains(method);
            }
        }
        return handoff;
    }

    /**
     * True when the stack is a virtual thread's own, as JFR records it for the thread's events: its bottom frame is
     * {@code Continuation.enterSpecial}, under {@code Continuation.enter}, {@code enter0}, the continuation's
     * runnable and {@code VirtualThread.run} (JDK 25). async-profiler samples the carrier, whose stack goes on below
     * into the scheduler's worker, and is not one. Only the bottom {@link #VIRTUAL_BOTTOM_FRAMES} frames are read.
     */
    static boolean onVirtualThread(Stack stack) {
        int depth = stack.depth();
        if (depth == 0 || !stack.className(depth - 1).equals(CONTINUATION)
                || !stack.frame(depth - 1).methodName().equals("enterSpecial")) {
            return false;
        }
        for (int i = depth - 2; i >= Math.max(0, depth - VIRTUAL_BOTTOM_FRAMES); i--) {
            if (stack.className(i).equals(VIRTUAL_THREAD)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a virtual thread runs in this stack: {@code VirtualThread.run}, the bottom of every virtual thread's
     * code, is in it. Unlike {@link #onVirtualThread} this also holds for async-profiler's samples of the carrier,
     * whose stack goes on below into the scheduler's worker.
     */
    static boolean runsVirtualThread(Stack stack) {
        for (int i = stack.depth() - 1; i >= 0; i--) {
            if (stack.className(i).equals(VIRTUAL_THREAD) && stack.frame(i).methodName().equals("run")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frame that kept a blocked virtual thread on its carrier, as {@code Class.method:line}: the innermost
     * class initializer or Java native method under the blocking call (the virtual-thread machinery on top, which
     * posts the event from a native method of its own, is not it). Null when the stack shows none (a monitor held
     * by a {@code synchronized} caller pins on JDK 21-23, and no frame type says which).
     *
     * @param types the frames' types, top first, as the stack trace gives them
     */
    static String pinningFrame(Stack stack, byte[] types) {
        for (int i = 0; i < stack.depth(); i++) {
            String cls = stack.className(i);
            if (cls.isEmpty() || MACHINERY.contains(cls)) {
                continue;
            }
            Frame frame = stack.frame(i);
            if (frame.methodName().equals(CLASS_INITIALIZER) || i < types.length && types[i] == NATIVE_FRAME_TYPE) {
                // JFR writes no line for a native method (as 65535 here, -1 elsewhere).
                boolean line = frame.line() > 0 && frame.line() < NO_LINE;
                return cls + "." + frame.methodName() + (line ? ":" + frame.line() : "");
            }
        }
        return null;
    }
}
