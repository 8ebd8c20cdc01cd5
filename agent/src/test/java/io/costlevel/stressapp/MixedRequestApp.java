package io.costlevel.stressapp;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A service request as the benchmarks' {@code MixedService.request} has it: eight probed calls (a Random draw, a
 * ConcurrentHashMap merge, a bounded queue's offer and poll, an AtomicLong, a LongAdder, a disabled logger call, a
 * HashMap put through {@code Map}, which is probed but not counted) and the plain work around them. {@link #request}
 * is compiled on its own ({@code ProbesKeepInliningIT} runs it with {@code -XX:CompileCommand=dontinline}), so its
 * compilation's inlining tree shows what the probes did to it.
 *
 * <p>Run: {@code java -javaagent:costlevel-agent.jar -cp test-classes io.costlevel.stressapp.MixedRequestApp CALLS
 * [twice]} (docs/overhead.md has the JIT flags that print what C2 made of it).
 */
public final class MixedRequestApp {
    private final Random random = new Random(42);
    private final ConcurrentHashMap<Integer, Long> hits = new ConcurrentHashMap<>();
    private final ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(16);
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder requests = new LongAdder();
    private final Logger log = Logger.getLogger(MixedRequestApp.class.getName());
    private final Map<Integer, String> names = new HashMap<>();
    private final StringBuilder text = new StringBuilder();

    long request(long seen) {
        int key = random.nextInt(4096);
        hits.merge(key, 1L, Long::sum);
        queue.offer(key);
        Integer next = queue.poll();
        long id = ids.incrementAndGet();
        requests.increment();
        log.log(Level.FINEST, "request {0}", id);
        names.put(key & 15, "n");
        text.setLength(0);
        text.append("order-").append(id).append('/').append(next).append(seen);
        return text.length() + id;
    }

    /** Two requests in one compilation (sixteen probed calls), when run as {@code MixedRequestApp CALLS twice}. */
    long requestTwice(long seen) {
        long id = request(seen);
        return request(id) + id;
    }

    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        boolean twice = args.length > 1 && args[1].equals("twice");
        MixedRequestApp app = new MixedRequestApp();
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += twice ? app.requestTwice(sum & 7) : app.request(sum & 7);
        }
        System.out.println("REQUESTS " + calls + " ids " + app.ids.get() + " sum " + sum);
    }
}
