package io.costlevel.analyzer.attribution;

/**
 * Calls on a producer/consumer structure (a blocking queue or deque, a transfer or synchronous queue, a delay queue)
 * that take an item or give one, read from a primitive chain's outermost call ({@code
 * java.util.concurrent.ArrayBlockingQueue.take -> ...}): one definition for {@link PoolQueues}, which matches a pool's
 * take with its give-back, and for the wait purposes of the classifier, where a take waits for work.
 */
public final class QueueCalls {
    private QueueCalls() {}

    /** Whether a class's simple name is a producer/consumer handoff structure. */
    public static boolean blockingQueue(String simpleName) {
        return simpleName.endsWith("BlockingQueue") || simpleName.endsWith("BlockingDeque")
                || simpleName.endsWith("TransferQueue") || simpleName.equals("SynchronousQueue")
                || simpleName.equals("DelayQueue");
    }

    /** The chain's (or, of several joined by "; ", the first's) outermost call takes from such a queue. */
    public static boolean takes(String chain) {
        String[] call = outermost(chain);
        if (call == null || !blockingQueue(call[0])) {
            return false;
        }
        String method = call[1];
        return method.equals("take") || method.startsWith("poll") || method.startsWith("takeFirst")
                || method.startsWith("takeLast");
    }

    /**
     * The chain's outermost call is an untimed poll of such a queue, which returns at once when the queue is empty: it
     * never waits for an item, its only blocks are on the queue's lock. The agent names the timed overloads apart
     * ({@code poll(timeout)}); a recording's frames do not, but there a timed poll's wait goes through a condition's
     * await, which the chain shows.
     */
    public static boolean pollsWithoutWaiting(String chain) {
        String[] call = outermost(chain);
        return call != null && blockingQueue(call[0]) && java.util.Set.of("poll", "pollFirst", "pollLast").contains(call[1])
                && !chain.split("; ", 2)[0].contains("ConditionObject.await");
    }

    /** The chain's outermost call gives an item to such a queue. */
    static boolean gives(String chain) {
        String[] call = outermost(chain);
        return call != null && blockingQueue(call[0]) && (call[1].startsWith("put") || call[1].startsWith("offer")
                || call[1].startsWith("add"));
    }

    /** The simple class name and the method of the chain's outermost frame, or null without one. */
    private static String[] outermost(String chain) {
        if (chain == null || chain.isBlank()) {
            return null;
        }
        String frame = chain.split("; ", 2)[0].split(" -> ", 2)[0].trim();
        int dot = frame.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String type = frame.substring(0, dot);
        return new String[] {type.substring(type.lastIndexOf('.') + 1), frame.substring(dot + 1)};
    }
}
