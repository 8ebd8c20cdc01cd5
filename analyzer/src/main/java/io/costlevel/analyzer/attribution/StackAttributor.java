package io.costlevel.analyzer.attribution;

import java.util.ArrayList;
import java.util.List;

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
    }

    private final ApplicationCode application;

    public StackAttributor(ApplicationCode application) {
        this.application = application;
    }

    /** @param frames the stack, top (innermost) frame first */
    public Attribution attribute(List<Frame> frames) {
        boolean park = !frames.isEmpty()
                && frames.get(0).className().equals(PARK_CLASS) && frames.get(0).methodName().equals(PARK_METHOD);
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            if (application.contains(frame.className())) {
                SiteKey site = new SiteKey(frame.className(), frame.methodName(), frame.line());
                return new Attribution(site, chain(frames.subList(0, i)), park);
            }
        }
        return new Attribution(null, chain(frames), park);
    }

    /** @param runtimeFrames the frames above the application frame, innermost first */
    private static String chain(List<Frame> runtimeFrames) {
        List<String> outermostFirst = new ArrayList<>();
        for (int i = runtimeFrames.size() - 1; i >= 0; i--) {
            String name = runtimeFrames.get(i).qualifiedName();
            // Recursion and internal helpers of one class say nothing new about the primitive.
            if (outermostFirst.isEmpty() || !sameClass(outermostFirst.get(outermostFirst.size() - 1), name)) {
                outermostFirst.add(name);
            }
        }
        if (outermostFirst.size() > MAX_CHAIN) {
            List<String> cut = new ArrayList<>(outermostFirst.subList(0, MAX_CHAIN - 1));
            cut.add(outermostFirst.get(outermostFirst.size() - 1));
            outermostFirst = cut;
        }
        return String.join(" -> ", outermostFirst);
    }

    private static boolean sameClass(String a, String b) {
        return a.substring(0, a.lastIndexOf('.')).equals(b.substring(0, b.lastIndexOf('.')));
    }
}
