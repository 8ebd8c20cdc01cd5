package io.costlevel.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.costlevel.stressapp.MixedRequestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 6: the probes must not change how the JIT compiles the method they are in. C2 stops inlining a
 * compilation once its graph passes a node budget (NodeCountInliningCutoff); probes that compiled to several calls
 * and an inlined ClassValue lookup each pushed a service request past it at its third counted call, and every call
 * after that, the application's own among them, stayed a call (docs/overhead.md). This runs
 * {@link MixedRequestApp#request} (eight probed calls) compiled on its own by C2, once without the agent and once
 * with it, with C2's inlining decisions printed for that method only, and asserts on the decisions: the same for
 * every call of the application's in both runs, no cutoff, every probe inlined but its one out-of-line call.
 */
class ProbesKeepInliningIT {
    private static final String REQUEST = MixedRequestApp.class.getName() + "::request";
    /** The application's calls in the request whose inlining must not change (CHM.merge is too big either way). */
    private static final List<String> APPLICATION_CALLS = List.of("java.util.Random::nextInt",
            "java.util.concurrent.ArrayBlockingQueue::offer", "java.util.concurrent.ArrayBlockingQueue::poll",
            "java.util.concurrent.atomic.AtomicLong::incrementAndGet", "java.util.concurrent.atomic.LongAdder::increment",
            "java.util.logging.Logger::log", "java.util.HashMap::put", "java.lang.StringBuilder::append",
            "java.lang.StringBuilder::setLength");
    /** {@code @ 19   java.util.Random::nextInt (74 bytes)   inline (hot)}: callee and decision. */
    private static final Pattern DECISION = Pattern.compile("@ \\d+\\s+(\\S+::\\S+) \\(\\d+ bytes\\)\\s+(.*)$");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void theRequestCompilesWithTheSameInliningUnderTheAgent(Jdk jdk) throws Exception {
        Path dir = Paths.get("target", "it-runs", "probes-inlining", jdk.java().getParent().getParent().getFileName()
                .toString()).toAbsolutePath();
        ForkedJvm.Result plain = run(new ForkedJvm(jdk), dir.resolve("plain"));
        ForkedJvm.Result agent = run(new ForkedJvm(jdk).agent("out=" + dir.resolve("agent/out")
                + ",include=io.costlevel.stressapp.,jfr=false,profiler=false"), dir.resolve("agent"));

        Map<String, TreeSet<String>> native_ = decisions(plain);
        Map<String, TreeSet<String>> probed = decisions(agent);
        assertThat(native_).as("C2's inlining of %s without the agent\n%s", REQUEST, plain).containsKeys(
                APPLICATION_CALLS.toArray(new String[0]));
        for (String call : APPLICATION_CALLS) {
            assertThat(probed.get(call)).as("%s in %s under the agent, against %s natively\n%s", call, REQUEST,
                    native_.get(call), agent).isEqualTo(native_.get(call));
        }
        assertThat(agent.stdout()).as(agent.toString()).doesNotContain("NodeCountInliningCutoff");
        Map<String, TreeSet<String>> probes = probed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("io.costlevel.agent.bootstrap."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(probes).as("the probes in %s\n%s", REQUEST, agent).isNotEmpty();
        // The slow paths stay calls: "don't inline by annotation" (@DontInline), or on JDK 25, for a slow path as
        // rarely taken as here, "too big", the reason it tests first.
        probes.forEach((probe, how) -> assertThat(how).as("%s in %s\n%s", probe, REQUEST, agent)
                .allMatch(decision -> probe.endsWith("Slowly") ? !decision.startsWith("inline")
                        : decision.startsWith("inline") || decision.startsWith("accessor")));
    }

    /**
     * C2 only (no tiers), compiling synchronously ({@code -Xbatch}), the request never inlined into its caller (so it
     * is a compilation of its own), PrintInlining for it alone. A callee compiled on its own before the request is
     * not inlined when its code is larger than InlineSmallCode ("already compiled into a big method"), which depends
     * on what else ran first (the agent's start uses a HashMap too): raised, so only the request's own graph decides.
     */
    private static ForkedJvm.Result run(ForkedJvm jvm, Path dir) throws Exception {
        ForkedJvm.Result result = jvm.timeoutSeconds(60).jvmArg("-XX:-TieredCompilation").jvmArg("-Xbatch")
                .jvmArg("-XX:InlineSmallCode=20000")
                .jvmArg("-XX:+UnlockDiagnosticVMOptions").jvmArg("-XX:CompileCommand=quiet")
                .jvmArg("-XX:CompileCommand=dontinline," + REQUEST)
                .jvmArg("-XX:CompileCommand=option," + REQUEST + ",PrintInlining")
                .run(dir, "-cp", Paths.get("target", "test-classes").toAbsolutePath().toString(),
                        MixedRequestApp.class.getName(), "300000");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString()).contains("REQUESTS 300000 ids 300000");
        return result;
    }

    /** Each callee in the printed inlining trees and every decision C2 took for it. */
    private static Map<String, TreeSet<String>> decisions(ForkedJvm.Result result) {
        Map<String, TreeSet<String>> decisions = new TreeMap<>();
        for (String line : result.stdout().split("\n")) {
            Matcher decision = DECISION.matcher(line.strip());
            if (decision.find()) {
                // A type profile may follow on the same line, after a run of spaces.
                String how = decision.group(2).strip().split("\\s{2,}")[0];
                decisions.computeIfAbsent(decision.group(1), k -> new TreeSet<>()).add(how);
            }
        }
        return decisions;
    }
}
