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
            known = application.contains(className);
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
        for (int i = 0; i < depth; i++) {
            if (isApplication(stack.className(i))) {
                Frame frame = stack.frame(i);
                SiteKey site = new SiteKey(frame.className(), frame.methodName(), frame.line());
                return new Attribution(site, chain(stack, i), park, syncFrame(stack, i));
            }
        }
        // No site, no chain: what is not charged to a site is only counted (JIT and GC threads' stacks among them,
        // which are deep and many in an async-profiler recording).
        return new Attribution(null, "", park);
    }

    /** The outermost frame above the application frame {@code site} that synchronizes, or null. */
    private static String syncFrame(Stack stack, int site) {
        for (int i = site - 1; i >= 0; i--) {
            String name = stack.frame(i).qualifiedName();
            if (UncountedSynchronization.synchronizes(name)) {
                return name;
            }
        }
        return null;
    }

    /** The runtime frames above the application frame {@code site}, outermost first. */
    private static String chain(Stack stack, int site) {
        List<Frame> outermostFirst = new ArrayList<>();
        for (int i = site - 1; i >= 0; i--) {
            Frame frame = stack.frame(i);
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
