package io.costlevel.analyzer.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol with the JDK's own WebSocket client,
 * so the browser test needs no npm and no driver download: only Debian's {@code chromium}
 * (scripts/install-test-deps.sh). Records what a page must never do: raise a dialog (alert),
 * throw, log an error (a CSP violation is one) or request anything over the network.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration REPLY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    static Path binary() {
        return Path.of(System.getProperty("costlevel.chromium", DEFAULT_BINARY.toString()));
    }

    static boolean installed() {
        return Files.isExecutable(binary());
    }

    /**
     * Starts Chromium for a browser test class, or skips the class when it is missing, unless
     * {@code -Dcostlevel.requireBrowser=true} (CI), where a missing browser is a failure.
     */
    static HeadlessChromium startOrSkip() throws IOException, InterruptedException {
        if (!installed()) {
            assertThat(Boolean.getBoolean("costlevel.requireBrowser"))
                    .as("costlevel.requireBrowser is set but %s is missing; run scripts/install-test-deps.sh", binary())
                    .isFalse();
            assumeTrue(false, binary() + " missing; run scripts/install-test-deps.sh to run the browser test");
        }
        return start();
    }

    static HeadlessChromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("costlevel-chromium");
        Process process = new ProcessBuilder(binary().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,800", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            return new HeadlessChromium(process, profile);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process, profile);
            throw e;
        }
    }

    private HeadlessChromium(Process process, Path profile) throws IOException, InterruptedException {
        this.process = process;
        this.profile = profile;
        int port = devToolsPort();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageSocket == null) {
            throw new IOException("chromium shows no page target: " + targets);
        }
        this.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener(this::onMessage))
                .join();
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Network.enable", Map.of());
    }

    /** Chromium writes the port it picked into the profile once it listens (port 0 = any free one). */
    private int devToolsPort() throws IOException, InterruptedException {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + ": " + log());
            }
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (lines.size() >= 2) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium did not open its DevTools port within " + STARTUP + ": " + log());
    }

    String log() {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Opens the file and waits until the page's script has rendered (or failed trying). */
    void open(Path file) throws IOException {
        send("Page.navigate", Map.of("url", file.toUri().toString()));
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = evaluate("location.href + ' ' + document.readyState + ' ' + "
                    + "(document.body ? document.body.getAttribute('data-rendered') : null)");
            if (state.asText().equals(file.toUri() + " complete true")) {
                return;
            }
            if (state.asText().startsWith(file.toUri() + " complete") && !errors.isEmpty()) {
                throw new IOException("page did not render: " + errors);
            }
            sleep(50);
        }
        throw new IOException("page did not render within " + REPLY + "; errors: " + errors);
    }

    /** Evaluates an expression in the page and returns its value as JSON (promises are awaited). */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("evaluating " + expression + " threw " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Whatever a test did, the page must not have alerted, thrown, logged an error or gone anywhere but itself. */
    void assertQuiet(Path opened) {
        assertThat(dialogs()).as("dialogs").isEmpty();
        assertThat(errors()).as("script errors and CSP violations").isEmpty();
        assertThat(requests()).as("requests").allMatch(url -> url.equals(opened.toUri().toString()));
    }

    /** An expression's value as text, "" for null. */
    String text(String expression) throws IOException {
        JsonNode value = evaluate(expression);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    /** An expression's array value as texts (null stays null). */
    List<String> strings(String expression) throws IOException {
        List<String> values = new ArrayList<>();
        evaluate(expression).forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    List<Double> doubles(String expression) throws IOException {
        List<Double> values = new ArrayList<>();
        evaluate(expression).forEach(v -> values.add(v.asDouble()));
        return values;
    }

    void click(String selector) throws IOException {
        evaluate("document.querySelector('" + selector.replace("'", "\\'") + "').click()");
    }

    /** Sets the viewport (and phone emulation), lets the page re-layout, then captures what is visible as PNG. */
    void screenshot(Path png, int width, int height, boolean mobile) throws IOException {
        resize(width, height, mobile);
        write(png, send("Page.captureScreenshot", Map.of("format", "png")));
    }

    /** The whole page at the given width, however tall it is. */
    void screenshotFullPage(Path png, int width) throws IOException {
        resize(width, 800, false);
        double height = evaluate("document.documentElement.scrollHeight").asDouble();
        write(png, send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1))));
    }

    private void resize(int width, int height, boolean mobile) throws IOException {
        send("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))).then(() => true)");
    }

    private static void write(Path png, JsonNode shot) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    void resetViewport() throws IOException {
        send("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    void clearRecords() {
        dialogs.clear();
        errors.clear();
        requests.clear();
    }

    private JsonNode send(String method, Map<String, Object> params) throws IOException {
        int id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        sendText(JSON.writeValueAsString(message));
        try {
            JsonNode answer = reply.get(REPLY.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method, e);
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(method + " got no reply: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** The JDK WebSocket allows one outstanding send; the listener thread sends too (dialog answers). */
    private void sendText(String text) {
        synchronized (socket) {
            socket.sendText(text, true).join();
        }
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.javascriptDialogOpening" -> {
                dialogs.add(params.path("type").asText() + ": " + params.path("message").asText());
                // answer it, or the page stays blocked on the dialog
                sendText("{\"id\":0,\"method\":\"Page.handleJavaScriptDialog\",\"params\":{\"accept\":true}}");
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    errors.add("log: " + params.path("entry").path("text").asText());
                }
            }
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    errors.add("console.error: " + params.path("args"));
                }
            }
            case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
            default -> { }
        }
    }

    @Override
    public void close() {
        socket.abort();
        stop(process, profile);
    }

    private static void stop(Process process, Path profile) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a leftover temp profile is harmless; Chromium's helper processes may still be removing their files
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reassembles text frames (CDP replies can be split) and hands each whole message on. */
    private static final class Listener implements WebSocket.Listener {
        private final Consumer<JsonNode> onMessage;
        private final StringBuilder partial = new StringBuilder();

        Listener(Consumer<JsonNode> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage.accept(JSON.readTree(text));
                } catch (IOException e) {
                    throw new IllegalStateException("chromium sent invalid JSON: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
