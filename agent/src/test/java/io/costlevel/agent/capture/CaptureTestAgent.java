package io.costlevel.agent.capture;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for CostlevelAgent in forked tests: drives {@link Capture} exactly as the agent's
 * snapshot thread and shutdown hook do (start, snapshot every {@code interval} seconds, stop at
 * exit), so the capture is tested on its own. Options: {@code out=DIR,interval=SECONDS} plus any
 * capture key.
 */
public final class CaptureTestAgent {
    private CaptureTestAgent() {}

    public static void premain(String args, Instrumentation inst) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : args.split(",")) {
            int eq = option.indexOf('=');
            options.put(option.substring(0, eq), option.substring(eq + 1));
        }
        Path out = Path.of(options.remove("out"));
        long intervalMillis = Long.parseLong(options.remove("interval")) * 1000;
        Capture capture = Capture.start(options, out, inst);
        Thread snapshots = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(intervalMillis);
                    capture.snapshot(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "capture-test-snapshots");
        snapshots.setDaemon(true);
        snapshots.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> capture.stop(out)));
    }
}
