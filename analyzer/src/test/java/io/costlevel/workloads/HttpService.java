package io.costlevel.workloads;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP service and its clients in one JVM, all JDK (issue 12): {@code com.sun.net.httpserver.HttpServer} with a
 * pool of handler threads, and each workload thread a client sending a GET with one shared {@code java.net.http}
 * client and waiting for the answer. The handler counts hits per path in a map behind a monitor, as a small service
 * keeps its statistics. The client's line waits for a remote answer (the request crosses the loopback to the
 * server's threads and back): I/O wait, not a concurrency cost to rank, however long it takes. The handler's
 * monitor is taken by the pool's threads in turn.
 */
final class HttpService implements Workloads.Operation {
    private static final int HANDLER_THREADS = 4;
    private static final Map<String, Long> HITS = new HashMap<>();
    /**
     * The hits monitor's own cost, measured at its line by the handler (HttpServiceIT derives the line's tier from it):
     * the time to enter it (what the synchronization costs) and the time it is held (the map's work inside it).
     * Updated under the monitor itself, so they cost the line no synchronization of their own.
     */
    private static final LineTime ENTERING = new LineTime("hitsEnter");
    private static final LineTime HOLDING = new LineTime("hitsHold");
    private static volatile HttpServer server;
    private static ExecutorService handlers;
    private static HttpClient client;
    private static HttpRequest request;

    private final HttpRequest mine;
    private final HttpClient shared;

    HttpService() {
        synchronized (HttpService.class) {
            if (server == null) {
                start();
            }
            mine = request;
            shared = client;
        }
    }

    private static void start() {
        // The server writes a response's headers and body apart: with Nagle's algorithm on and the client's delayed
        // ACK every request waited ~40 ms (50 ms per request measured). Services set this; read when the server's
        // configuration class loads, so before the server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
            Thread t = new Thread(r, "http-handler");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/orders", HttpService::handle);
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders/42"))
                .GET().build();
    }

    @Override
    public long op() {
        try {
            HttpResponse<String> response = shared.send(mine, HttpResponse.BodyHandlers.ofString());
            return response.body().length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        long hits;
        String path = exchange.getRequestURI().getPath();
        long entering = System.nanoTime();
        synchronized (HITS) {
            long entered = System.nanoTime();
            hits = HITS.merge(path, 1L, Long::sum);
            ENTERING.add(entered - entering);
            HOLDING.add(System.nanoTime() - entered);
        }
        byte[] body = ("{\"hits\":" + hits + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Stops the server if a thread started it (its dispatcher thread would keep the JVM alive), and prints the hits
     * monitor's cost.
     */
    static void stop() {
        if (server == null) {
            return; // another workload ran: no monitor taken, no site in its report
        }
        synchronized (HttpService.class) {
            if (server != null) {
                server.stop(0);
                handlers.shutdownNow();
            }
        }
        synchronized (HITS) {
            ENTERING.print(HANDLER_THREADS);
            HOLDING.print(HANDLER_THREADS);
        }
    }
}
