package io.costlevel.benchmarks.mixed;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 11, item 6: what the agent costs a service's request path that mixes the operations it counts: a per-thread
 * Random draw, a ConcurrentHashMap merge over spread keys, a bounded queue's offer and poll, a shared AtomicLong id,
 * a LongAdder metric, a disabled java.util.logging call and some plain work. {@link Plain} runs it without the agent,
 * {@link Instrumented} with it (default instrumentation: every class outside the JDK, JMH's own included), side by
 * side in one JMH run; docs/overhead.md has the figures and the command.
 *
 * <p>{@link #request} is nothing but those operations (7 counted ones in 100-160 ns: the worst case, where the
 * counting's cost per operation shows whole). {@link #jsonRequest} is the same request inside the work a JSON endpoint
 * does around it: reading the order from its body and writing the reply, with Jackson, whose own caches are counted
 * too (the agent instruments every class outside the JDK). {@link #serviceRequest} is that endpoint as a service
 * serves it, over HTTP on the loopback, with an access log: what a request of a real service pays.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Twelve warm-up seconds: the agent measures its probes' cost once, 10 s after start (docs/overhead.md), a cost per JVM
// that a shorter warm-up puts in the measured window.
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
public abstract class MixedService {
    /** What the request threads share: the map, the id sequence, the metric, the logger. */
    @State(Scope.Benchmark)
    public static class Shared {
        final ConcurrentHashMap<Integer, Long> hits = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();
        final LongAdder requests = new LongAdder();
        final Logger log = Logger.getLogger("io.costlevel.benchmarks.mixed");
        final ObjectMapper json = new ObjectMapper();
        final ObjectReader orders = json.readerFor(Order.class);
        final ObjectWriter replies = json.writerFor(Reply.class);
    }

    /** A request thread's own: its random generator and its work queue. */
    @State(Scope.Thread)
    public static class Own {
        final Random random = new Random();
        final ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(16);
        final StringBuilder text = new StringBuilder();
        final String body = ORDER;
    }

    /** The order a client sends, as JSON. */
    static final String ORDER = "{\"customer\":\"c-1042\",\"sku\":\"sku-17\",\"quantity\":3,"
            + "\"express\":true,\"note\":\"leave at the door, ring twice\"}";

    /** The request body a client sends. */
    public static class Order {
        public String customer;
        public String sku;
        public int quantity;
        public boolean express;
        public String note;
    }

    /** The reply the service writes back. */
    public static class Reply {
        public long id;
        public String customer;
        public String sku;
        public int quantity;
        public long seen;
        public String status;
    }

    @Benchmark
    public long request(Shared shared, Own own) {
        return counted(shared, own);
    }

    /** {@link #request}'s operations, also run by {@link #jsonRequest} and {@link #serviceRequest}. */
    static long counted(Shared shared, Own own) {
        int key = own.random.nextInt(4096);
        shared.hits.merge(key, 1L, Long::sum);
        own.queue.offer(key);
        Integer next = own.queue.poll();
        long id = shared.ids.incrementAndGet();
        shared.requests.increment();
        if (shared.log.isLoggable(Level.FINE)) {
            shared.log.fine("request " + id);
        }
        shared.log.log(Level.FINEST, "request {0}", id);
        own.text.setLength(0);
        own.text.append("order-").append(id).append('/').append(next);
        return own.text.length() + id;
    }

    @Benchmark
    public String jsonRequest(Shared shared, Own own) throws IOException {
        Order order = shared.orders.readValue(own.body);
        return shared.replies.writeValueAsString(reply(shared, own, order));
    }

    /**
     * The request as a service runs it: the client sends the order over a kept-alive HTTP/1.1 connection (loopback) to
     * the JDK's HTTP server in this JVM, whose handler threads read it, run {@link #jsonRequest}'s work and write one
     * access-log line ({@link OrderService}). Measured from the client: the request's time includes the sockets and
     * the server, as a service's requests do.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String serviceRequest(OrderClient client) throws IOException {
        return client.send();
    }

    /** {@link #request} for an order, and the reply to it. */
    static Reply reply(Shared shared, Own own, Order order) {
        Reply reply = new Reply();
        reply.id = counted(shared, own);
        reply.customer = order.customer;
        reply.sku = order.sku;
        reply.quantity = order.quantity;
        reply.seen = shared.hits.getOrDefault(order.quantity, 0L);
        reply.status = order.express ? "express" : "standard";
        return reply;
    }
}
