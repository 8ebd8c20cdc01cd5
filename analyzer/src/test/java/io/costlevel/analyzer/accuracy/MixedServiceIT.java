package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's acceptance: a service-like mix ({@code workload.MixedService}: an AtomicLong, a monitor, a hot
 * ConcurrentHashMap key and a bounded queue, 8 threads at once on this machine's cores) whose expected tier per
 * line comes from that line's native CPU time per op and blocked time per op, measured in this test by the
 * workload itself without the agent (the JDK's thread CPU time and contention accounting), then compared with
 * the report of a run under the agent:
 * <ul>
 *   <li>blocked time per op above CPU time per op: L4 (the time goes to waiting); a consumer waiting on an empty
 *       queue instead is waiting for work: idle, not ranked;</li>
 *   <li>else the tier whose cost range holds the CPU time per op (Tiers' bounds), or its neighbour when the
 *       figure lies within 2x of the bound between them (a shared machine moves figures that much).</li>
 * </ul>
 * The report agrees when its tier is an expected one, or when it flags the close call itself
 * ({@link #flaggedCloseCall}).
 * The workload reads the clock once every 1024 ops, so its CPU time per op is the op's, not the clock's
 * (docs/tiers.md has both measurements).
 */
class MixedServiceIT {
    private static final String PACKAGE = "io.costlevel.analyzer.accuracy.workload.";
    private static final Path SOURCE = Path.of("src/test/java/io/costlevel/analyzer/accuracy/workload/MixedService.java");
    private static final Pattern ROLE = Pattern.compile("role=(\\w+) threads=(\\d+) ops=(\\d+) cpuNanos=(\\d+) blockedNanos=(\\d+)");
    private static final double SECONDS = 2;

    @TempDir
    Path work;

    record Native(String role, int threads, long ops, long cpuNanos, long blockedNanos) {
        double cpuPerOp() {
            return (double) cpuNanos / ops;
        }

        double blockedPerOp() {
            return (double) blockedNanos / ops;
        }
    }

    /**
     * Runs of the pair (native, then under the agent) before a line's disagreement fails. The hot key's line on JDK 25
     * (CI, 2026-12-06) measured 22 ns of CPU and 11 ns blocked per op natively, at the L4 bound (blocked at least half
     * the running time) to the nanosecond, and read L4 under the agent: its blocked time is a few dozen waits of ~10 ms
     * behind a preempted bin holder (67 recorded, 8 threads on 2 cores), whose total varies by tens of percent from one
     * run to the next, natively too. A line that disagrees in every pair fails.
     */
    private static final int ATTEMPTS = 2;

    @Test
    void eachLinesTierFollowsItsNativeCpuAndBlockedTimePerOp() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> misses = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<String> missed = misses(java, work.resolve("attempt-" + attempt));
            if (missed.isEmpty()) {
                return;
            }
            misses.add("attempt " + attempt + ":");
            misses.addAll(missed);
        }
        assertThat(misses).as("lines whose report disagrees with their native figures").isEmpty();
    }

    /** One pair of runs: the lines whose report disagrees with their native figures, with both. */
    private List<String> misses(Path java, Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, Native> natives = parse(run(java, List.of(), dir.resolve("native.log")));
        Path out = dir.resolve("agent");
        run(java, List.of("-javaagent:" + SampleUnderAgent.jar("costlevel.agentJar") + "=out=" + out + ",include=" + PACKAGE),
                dir.resolve("agent.log"));
        Report report = new Analysis(null, Progress.silent()).run(List.of(out));
        Map<String, Integer> lines = opLines();

        List<String> lines2 = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Native n : natives.values()) {
            int line = lines.get(n.role());
            Site site = report.sites().stream().filter(s -> s.className().equals(PACKAGE + "MixedService") && s.line() == line)
                    .findFirst().orElse(null);
            assertThat(site).as("%s: a site at MixedService line %d (the lambda's body, not a hidden frame)", n.role(), line)
                    .isNotNull();
            // Once in about ten CI runs the hot key's line read 3 threads for the workload's 2 (2026-12-04, JDK 25):
            // the evidence says which source counted the third (the agent's "threads", or the recording's samples
            // and events, which the report does not list by thread).
            assertThat(site.threads()).as("%s: threads (evidence %s, reasons %s)", n.role(), site.evidence(), site.reasons())
                    .isLessThanOrEqualTo(n.threads());
            boolean waitsForWork = n.role().equals("consumer") && n.blockedPerOp() > n.cpuPerOp();
            Set<Integer> expected = expectedTiers(n);
            String figures = String.format("%-8s native %.0f ns CPU + %.0f ns blocked per op (%d ops, %d threads) -> %s; "
                            + "report L%d %s, %s ns/op, split %s, idle %s", n.role(), n.cpuPerOp(), n.blockedPerOp(), n.ops(),
                    n.threads(), waitsForWork ? "idle" : "L" + expected, site.tier(), site.confidence(), site.nsPerOp(),
                    site.timeByTier(), site.idle());
            lines2.add(figures);
            boolean ok = waitsForWork ? site.idle()
                    : !site.idle() && (expected.contains(site.tier()) || flaggedCloseCall(site, expected));
            if (!ok) {
                misses.add(figures + "\n           reasons: " + site.reasons());
            }
        }
        System.out.println(String.join("\n", lines2));
        return misses;
    }

    /** The tier of the CPU time per op, or L4 when blocking takes more time; neighbours within 2x of a bound. */
    static Set<Integer> expectedTiers(Native n) {
        return expectedTiers(cpuTiers(n.cpuPerOp()), n.cpuPerOp(), n.blockedPerOp());
    }

    /**
     * The rule on a line's parts: {@code runningTiers} (the tiers of its running cost) where it runs more than it
     * blocks, L4 where it blocks more, both where the larger is within 2x of the other.
     */
    static Set<Integer> expectedTiers(Set<Integer> runningTiers, double runningPerOp, double blockedPerOp) {
        Set<Integer> tiers = new LinkedHashSet<>();
        if (blockedPerOp > runningPerOp) {
            tiers.add(Tiers.L4_CONTEXT_SWITCH);
            if (blockedPerOp < 2 * runningPerOp) {
                tiers.addAll(runningTiers);
            }
            return tiers;
        }
        tiers.addAll(runningTiers);
        if (blockedPerOp * 2 > runningPerOp) {
            tiers.add(Tiers.L4_CONTEXT_SWITCH);
        }
        return tiers;
    }

    /**
     * A close call the report makes itself: its tier is a neighbour of an expected one, its confidence is below high
     * and its own ns/op lies in that expected tier's range. Two threads of a role on 8 threads and 2 cores run at
     * once only part of the time, so an AtomicLong's line moves on part of its ops: one run measured 8 ns natively
     * (L1) while the run under the agent found 21 % handoffs at 10.4 ns/op, L2 by its mechanism, "medium", "ns/op
     * lies in L1's range" (CI, 2026-12-03). A report that contradicts the native figures with high confidence, or
     * whose own cost points elsewhere, still fails.
     */
    static boolean flaggedCloseCall(Site site, Set<Integer> expected) {
        if ("high".equals(site.confidence()) || site.nsPerOp() == null) {
            return false;
        }
        Double running = runningNsPerOp(site);
        for (int tier : expected) {
            if (Math.abs(tier - site.tier()) == 1 && (inRange(site.nsPerOp(), tier) || inRange(running, tier))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The site's running time per op, or null: where a site's time is split between its running tier and L4 (rare
     * long blocks, expected separately), the close call between the running tier and its neighbour is the running
     * part's. The monitor line once read L2 medium, 61 % of its time running at 18.6 ns per op (L1's range) and 39 % in
     * 220 blocks of 7.6 ms, 30.4 ns per op in all, against 7 ns of CPU and 4 blocked natively (CI, 2026-12-05).
     */
    private static Double runningNsPerOp(Site site) {
        Object running = site.evidence().get("runningNanos");
        Object ops = site.evidence().get("ops");
        if (!(running instanceof Number) || !(ops instanceof Number) || ((Number) ops).longValue() == 0) {
            return null;
        }
        return ((Number) running).doubleValue() / ((Number) ops).longValue();
    }

    private static boolean inRange(Double ns, int tier) {
        return ns != null && ns >= Tiers.floorNs(tier) && ns < Tiers.ceilingNs(tier);
    }

    static Set<Integer> cpuTiers(double ns) {
        Set<Integer> tiers = new LinkedHashSet<>();
        for (int t = Tiers.L1_UNCONTENDED_ATOMIC; t < Tiers.count(); t++) {
            if (ns >= Tiers.floorNs(t) / 2 && ns < Tiers.ceilingNs(t) * 2) {
                tiers.add(t);
            }
        }
        return tiers;
    }

    private static Map<String, Integer> opLines() throws Exception {
        Map<String, Integer> lines = new HashMap<>();
        List<String> source = Files.readAllLines(SOURCE);
        Pattern marker = Pattern.compile("// op:(\\w+)");
        for (int i = 0; i < source.size(); i++) {
            Matcher m = marker.matcher(source.get(i));
            if (m.find()) {
                lines.put(m.group(1), i + 1);
            }
        }
        return lines;
    }

    private static Map<String, Native> parse(String log) {
        Map<String, Native> roles = roles(log);
        assertThat(roles).as("the workload's figures in: %s", log).hasSize(5);
        return roles;
    }

    /** The native figures a workload printed for each of its roles (lines it measured itself). */
    static Map<String, Native> roles(String log) {
        Map<String, Native> roles = new java.util.LinkedHashMap<>();
        Matcher m = ROLE.matcher(log);
        while (m.find()) {
            roles.put(m.group(1), new Native(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
        }
        return roles;
    }

    private static String run(Path java, List<String> options, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", Path.of("target/test-classes").toAbsolutePath().toString(),
                PACKAGE + "MixedService", Double.toString(SECONDS)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the workload did not end within 60 s: " + command);
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as("exit of %s: %s", command, output).isZero();
        return output;
    }
}
