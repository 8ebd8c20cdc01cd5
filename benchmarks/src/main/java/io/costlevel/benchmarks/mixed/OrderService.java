package io.costlevel.benchmarks.mixed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link MixedService#serviceRequest}'s server: the JDK's HTTP server on the loopback, two handler threads (the
 * machine's cores), each order handled as {@link MixedService#jsonRequest} handles it, then one line written to an
 * access log through {@code java.util.logging} (formatted, to a stream nobody reads), as a service logs its requests.
 */
@State(Scope.Benchmark)
public class OrderService {
    static final String PATH = "/orders";
    private static final int HANDLER_THREADS = 2;

    private final MixedService.Shared shared = new MixedService.Shared();
    /** A handler thread's own generator, queue and text, as a request thread's in the other benchmarks. */
    private final ThreadLocal<MixedService.Own> own = ThreadLocal.withInitial(MixedService.Own::new);
    private final Logger access = accessLog();
    private HttpServer server;
    private ExecutorService handlers;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void start() throws IOException {
        // The server writes a response's headers and its body apart: with Nagle's algorithm on, each request would
        // wait for the client's delayed ACK (~40 ms). Read when the server's configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS, work -> {
            Thread thread = new Thread(work, "order-handler");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext(PATH, this::handle);
        server.start();
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void stop() throws InterruptedException {
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(10, TimeUnit.SECONDS);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        MixedService.Order order;
        try (InputStream body = exchange.getRequestBody()) {
            order = shared.orders.readValue(body);
        }
        MixedService.Reply reply = MixedService.reply(shared, own.get(), order);
        byte[] json = shared.replies.writeValueAsBytes(reply);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(json);
        }
        access.log(Level.INFO, "{0} {1} 200 {2} bytes order {3}",
                new Object[] {exchange.getRequestMethod(), PATH, json.length, reply.id});
    }

    private static Logger accessLog() {
        Logger log = Logger.getLogger("io.costlevel.benchmarks.mixed.access");
        log.setUseParentHandlers(false);
        log.setLevel(Level.INFO);
        log.addHandler(new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter()));
        return log;
    }
}
