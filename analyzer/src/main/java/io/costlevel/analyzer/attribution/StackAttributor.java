package io.costlevel.analyzer.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Charges a stack to its first application frame (counting from the top) and keeps the runtime
 * frames above it as the primitive chain, e.g.
 * {@code java.util.concurrent.ArrayBlockingQueue.put -> java.util.concurrent.locks.ReentrantLock.lockInterruptibly
 * -> ... -> java.util.concurrent.locks.LockSupport.park}.
 */
public final class StackAttributor {
    /** The frame every JDK park ends in (LockSupport.park* calls it on JDK 17 and 25). */
    private static final String PARK_CLASS = "jdk.internal.misc.Unsafe";
    private static final String PARK_METHOD = "park";
    private static final String AGENT_PACKAGE = "io.costlevel.agent.";

    /** Chains longer than this keep their outer frames and the innermost one. */
    static final int MAX_CHAIN = 5;

    /** One resolved stack frame. */
    public record Frame(String className, String methodName, int line) {
        String qualifiedName() {
            return className + "." + methodName;
        }

        /**
         * What {@link #qualifiedName} holds before its last dot: the class, or for a native frame (no class) whose
         * symbol has dots, such as a kernel's {@code finish_task_switch.isra.0}, that symbol's first part.
         */
        String owner() {
            if (!className.isEmpty()) {
                return className; // a Java method's name never holds a dot (JVMS 4.2.2)
            }
            int dot = methodName.lastIndexOf('.');
            return dot < 0 ? className : "." + methodName.substring(0, dot);
        }
    }

    /** Past this many classes the decisions are forgotten and made again, so memory stays bounded. */
    private static final int MAX_DECIDED_CLASSES = 1 << 16;

    private final ApplicationCode application;
    /**
     * Whether each class met so far is application code: stacks are resolved once per chunk, and an async-profiler
     * chunk has thousands of them, 20-25 frames deep, of a few thousand classes.
     */
    private final Map<String, Boolean> decided = new HashMap<>();

    public StackAttributor(ApplicationCode application) {
        this.application = application;
    }

    private boolean isApplication(String className) {
        Boolean known = decided.get(className);
        if (known == null) {
            known = application.contains(className) && !isHidden(className);
            if (decided.size() >= MAX_DECIDED_CLASSES) {
                decided.clear();
            }
            decided.put(className, known);
        }
        return known;
    }

    /** @param frames the stack, top (innermost) frame first */
    public Attribution attribute(List<Frame> frames) {
        return attribute(Stack.of(frames));
    }

    public Attribution attribute(Stack stack) {
        int depth = stack.depth();
        boolean park = depth > 0 && stack.className(0).equals(PARK_CLASS) && stack.frame(0).methodName().equals(PARK_METHOD);
        boolean probe = false;
        boolean javaSeen = false;
        for (int i = 0; i < depth; i++) {
            String className = stack.className(i);
            if (!javaSeen && !className.isEmpty()) {
                // The innermost Java frame is the code running: when it is the agent's, the sample is the probe's own cost.
                javaSeen = true;
                probe = isAgent(className);
            }
            if (isApplication(className)) {
                Frame frame = stack.frame(i);
                SiteKey site = new SiteKey(frame.className(), frame.methodName(), frame.line());
                return new Attribution(site, chain(stack, i), park, syncFrame(stack, i),
                        probe ? Uncharged.PROBE : Uncharged.NOT, startsThread(stack, i));
            }
        }
        // No site, no chain: what is not charged to a site is only counted (JIT and GC threads' stacks among them,
        // which are deep and many in an async-profiler recording).
        return new Attribution(null, "", park, probe ? Uncharged.PROBE : uncharged(stack));
    }

    /** The agent's own classes: its probes' frames never name a site nor appear in a chain. */
    static boolean isAgent(String className) {
        return className.startsWith(AGENT_PACKAGE);
    }

    /**
     * A hidden class: a lambda's or method reference's generated class ({@code App$$Lambda$150.0x00007f8ae80c9af8},
     * {@code App$$Lambda/0x...} on newer JDKs) or another class defined by {@code Lookup.defineHiddenClass}. It has no
     * source line (JFR says 0) and only forwards to the code that wrote it, so the frame below it (the JDK method it
     * was passed to, then the line that called that) or above it (the lambda's body, {@code lambda$main$0}) names
     * the site instead.
     */
    static boolean isHidden(String className) {
        if (className.contains("$$Lambda")) {
            return true;
        }
        int hex = Math.max(className.lastIndexOf(".0x"), className.lastIndexOf("/0x"));
        if (hex < 0 || hex + 3 >= className.length()) {
            return false;
        }
        for (int i = hex + 3; i < className.length(); i++) {
            if (Character.digit(className.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Why a stack without an application frame has none (see {@link Uncharged}). */
    private static Uncharged uncharged(Stack stack) {
        int depth = stack.depth();
        if (depth > 0 && stack.className(depth - 1).isEmpty() && stack.frame(depth - 1).methodName().startsWith("[")) {
            return Uncharged.CUT;
        }
        for (int i = 0; i < depth; i++) {
            if (!stack.className(i).isEmpty()) {
                return Uncharged.NO_APPLICATION_FRAME;
            }
        }
        return Uncharged.NO_JAVA;
    }

    /**
     * The outermost frame above the application frame {@code site} that synchronizes, or null. A sample in HotSpot's
     * slow path of a contended {@code monitorenter} names the Java frame that entered the monitor, marked as such.
     */
    private static String syncFrame(Stack stack, int site) {
        for (int i = 0; i < site; i++) {
            if (stack.className(i).isEmpty() && UncountedSynchronization.entersContendedMonitor(stack.frame(i).qualifiedName())) {
                return monitorHolder(stack, i, site) + UncountedSynchronization.CONTENDED_MONITOR;
            }
        }
        for (int i = site - 1; i >= 0; i--) {
            String name = stack.frame(i).qualifiedName();
            if (UncountedSynchronization.synchronizes(name)) {
                return name;
            }
        }
        return null;
    }

    /** The Java frame that called into the runtime at native frame {@code inner}: the first one outward of it. */
    private static String monitorHolder(Stack stack, int inner, int site) {
        for (int i = inner + 1; i < site; i++) {
            if (!stack.className(i).isEmpty()) {
                return stack.frame(i).qualifiedName();
            }
        }
        return stack.frame(site).qualifiedName();
    }

    /** Whether a frame above the application frame {@code site} starts a thread. */
    private static boolean startsThread(Stack stack, int site) {
        for (int i = site - 1; i >= 0; i--) {
            if (stack.frame(i).qualifiedName().equals(THREAD_START)) {
                return true;
            }
        }
        return false;
    }

    static final String THREAD_START = "java.lang.Thread.start";

    /** The runtime frames above the application frame {@code site}, outermost first. */
    private static String chain(Stack stack, int site) {
        List<Frame> outermostFirst = new ArrayList<>();
        for (int i = site - 1; i >= 0; i--) {
            Frame frame = stack.frame(i);
            if (isAgent(frame.className()) || isHidden(frame.className())) {
                continue; // the probe wrapping the call, or a lambda's forwarding frame: neither is the primitive
            }
            // Recursion and internal helpers of one class say nothing new about the primitive.
            if (outermostFirst.isEmpty() || !outermostFirst.get(outermostFirst.size() - 1).owner().equals(frame.owner())) {
                outermostFirst.add(frame);
            }
        }
        if (outermostFirst.size() > MAX_CHAIN) {
            List<Frame> cut = new ArrayList<>(outermostFirst.subList(0, MAX_CHAIN - 1));
            cut.add(outermostFirst.get(outermostFirst.size() - 1));
            outermostFirst = cut;
        }
        StringBuilder joined = new StringBuilder();
        for (Frame frame : outermostFirst) {
            joined.append(joined.length() == 0 ? "" : " -> ").append(frame.qualifiedName());
        }
        return joined.toString();
    }
}
