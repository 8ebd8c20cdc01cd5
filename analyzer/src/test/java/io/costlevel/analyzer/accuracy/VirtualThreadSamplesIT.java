package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.report.CarrierStarvation;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual threads (issue 15): samples S13-S15 and S17 in forked JVMs on JDK 25, first without the agent (the ground truth:
 * what a handoff costs on each kind of thread), then under it, and the analyzer must tier the sample's lines by that
 * cost and mechanism. Measured on this 2-core machine, shared with other work (docs/tiers.md#virtual-threads):
 * <ul>
 *   <li>S13 queue handoff (SynchronousQueue): platform 3-18 us per round trip (two handoffs through the kernel:
 *   L4), virtual 0.3-1.7 us (two unmount/remounts: L2-L3);</li>
 *   <li>S14 lock handoff (ReentrantLock + Condition): platform 5.5-13.5 us (L4), virtual 1.1-5.5 us (L3; the
 *   await's blocked time per block is 0.5-2 us);</li>
 *   <li>S15 sleep of 1 ms in a class initializer on 8 virtual threads: pinned, the carrier sleeps with the thread
 *   (L4, pinning, carriers held ~70% of the time: starvation); the same sleep outside it unmounts (L3).</li>
 * </ul>
 * Tiers rest on mechanisms (unmount evidence, pinned events); the times only order the kinds, with a wide margin:
 * a virtual round trip at least twice as cheap as a platform one (5-13x measured). A case that misses is run
 * again, up to {@link #ATTEMPTS} times. Where natively the virtual round trip was not twice as cheap in any attempt
 * (platform threads that hand over by spinning, without a switch: S13 500-2344 ns against 490-1304 on an idle 2-vCPU
 * EPYC guest, 2026-12-06), there is no contrast to classify and the case is aborted with the figures, not passed.
 */
class VirtualThreadSamplesIT {
    private static final int ATTEMPTS = 3;
    private static final String PACKAGE = SampleUnderAgent.SAMPLES_PACKAGE;
    private static final Pattern ROUND_TRIP = Pattern.compile("nsPerRoundTrip=([0-9.]+)");
    private static final Pattern MOUNT_WAIT = Pattern.compile("mountWaitSeconds=([0-9.]+)");
    private static final Pattern WALL = Pattern.compile(" seconds=([0-9.]+)");
    private static final String PARALLELISM = "-Djdk.virtualThreadScheduler.parallelism=";

    @TempDir
    Path work;

    static Path jdk25() {
        String home = System.getProperty("costlevel.jdk25", "");
        Assumptions.assumeTrue(!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "java")),
                "no JDK 25 configured (costlevel.jdk25)");
        return Path.of(home, "bin", "java");
    }

    private static Path jdk17() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Assumptions.assumeTrue(Runtime.version().feature() < 21, "the build's JDK has virtual threads");
        return java;
    }

    @Test
    void queueHandoffIsAContextSwitchOnPlatformThreadsAndAnUnmountOnVirtualOnes() throws Exception {
        handoff("S13_QueueHandoff");
    }

    @Test
    void lockHandoffIsAContextSwitchOnPlatformThreadsAndAnUnmountOnVirtualOnes() throws Exception {
        handoff("S14_LockHandoff");
    }

    private void handoff(String sample) throws Exception {
        Path java = jdk25();
        List<String> misses = new ArrayList<>();
        boolean switchlessEveryTime = true;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            double platformNs = roundTrip(run(java, false, sample, "--platform", "--seconds", "1"));
            double virtualNs = roundTrip(run(java, false, sample, "--virtual", "--seconds", "1"));
            Report platform = analyzed(run(java, true, sample, "--platform", "--seconds", "2"));
            Report virtual = analyzed(run(java, true, sample, "--virtual", "--seconds", "2"));
            List<Site> platformSites = own(platform, sample);
            List<Site> virtualSites = own(virtual, sample);
            platformSites.forEach(EvidenceConsistency::assertConsistent);
            virtualSites.forEach(EvidenceConsistency::assertConsistent);
            String seen = String.format(Locale.ROOT, "attempt %d: without the agent %.0f ns per round trip on platform "
                    + "threads, %.0f on virtual ones;%n  platform:%s%n  virtual:%s", attempt, platformNs, virtualNs,
                    describe(platformSites), describe(virtualSites));
            boolean cheaper = virtualNs * 2 < platformNs;
            switchlessEveryTime &= !cheaper;
            boolean platformL4 = maxTier(platformSites) == 4;
            boolean virtualUnmounts = !virtualSites.isEmpty()
                    && virtualSites.stream().allMatch(s -> s.tier() != 4 && s.tier() != 5)
                    && maxTier(virtualSites) >= 2
                    && virtualSites.stream().filter(s -> s.tier() >= 2)
                            .allMatch(s -> showsUnmount(s) || movesAcrossSites(s));
            if (cheaper && platformL4 && virtualUnmounts) {
                return;
            }
            misses.add(seen);
            System.out.println(sample + " missed, " + seen); // in the failsafe output: why it was run again
        }
        // The contrast needs platform threads that switch in the kernel at each handoff. Where natively they hand over
        // as cheaply as virtual ones in every attempt, the handoff completed in the queue's or lock's spin before
        // parking: S13 on an idle 2-vCPU EPYC guest measured 500-2344 ns per platform round trip against 490-1304
        // virtual (JDK 25, 2026-12-06), where an earlier host measured the virtual 5-13x cheaper. Nothing to compare.
        Assumptions.assumeFalse(switchlessEveryTime, sample + ": natively no cheaper on virtual threads in any attempt "
                + "(the platform threads handed over without switching, by spinning):\n" + String.join("\n", misses));
        throw new AssertionError(sample + " missed in every attempt (load " + MachineLoad.oneMinute() + "):\n"
                + String.join("\n", misses));
    }

    @Test
    void aSleepInAClassInitializerPinsItsCarrierAndStarvesTheOthers() throws Exception {
        Path java = jdk25();
        String sample = "S15_PinnedSleep";
        Report pinned = analyzed(run(java, true, sample, "--pinned", "--threads", "8", "--seconds", "1"));
        pinned.sites().forEach(EvidenceConsistency::assertConsistent);
        Site init = own(pinned, sample + "$SleepingInit").stream().filter(s -> s.methodName().equals("<clinit>"))
                .findFirst().orElseThrow(() -> new AssertionError("no <clinit> site:" + describe(pinned.sites())));
        assertThat(init.tier()).as(describe(List.of(init))).isEqualTo(4);
        assertThat(init.pinning()).as(describe(List.of(init))).isNotNull();
        assertThat(init.pinning().frame()).contains("SleepingInit.<clinit>");
        assertThat(init.pinning().starvesCarriers()).as("8 pinned sleepers on 2 carriers: %s", init.pinning()).isTrue();
        assertThat(init.reasons().get(0)).contains("pinning").contains("carrier starvation");
        // The run-level finding (the scheduler's own queue) agrees and names the pinning class initializer first.
        CarrierStarvation run = pinned.carrierStarvation();
        assertThat(run).as("no carrier-starvation finding for 8 pinned sleepers on 2 carriers").isNotNull();
        assertThat(run.starved()).as(run.summary()).isTrue();
        assertThat(run.heldBy().get(0)).as(run.summary()).satisfies(h -> {
            assertThat(h.how()).isEqualTo("pinned");
            assertThat(h.methodName()).isEqualTo("<clinit>");
            assertThat(h.detail()).contains("SleepingInit.<clinit>");
        });

        Report unpinned = analyzed(run(java, true, sample, "--unpinned", "--threads", "8", "--seconds", "1"));
        Site sleep = own(unpinned, sample).stream().filter(s -> s.kind().equals("sleep")).findFirst()
                .orElseThrow(() -> new AssertionError("no sleep site:" + describe(unpinned.sites())));
        assertThat(sleep.tier()).as(describe(List.of(sleep))).isEqualTo(3);
        assertThat(sleep.evidence()).containsKey("virtualBlocks");
    }

    /**
     * S17: 8 CPU-bound virtual threads on 2 carriers wait to mount, and the report says so with the figures the sample
     * measured itself (its own clock between start() and the thread's first instruction, in the same JVM); on 8
     * carriers the same work mounts at once and the report finds no starvation. Measured here without the agent
     * (2 cores, shared): 2 carriers 5.9-6.0 s of mount waits in 2 s (mean 83-92 ms per mount), 8 carriers 1.9-2.5 s
     * (mean 10-18 ms: the OS shares 2 cores among 8 carriers). The agent's figure is an integral of 10 ms samples, so
     * it is held to the sample's within a factor of 2.
     */
    @Test
    void cpuBoundVirtualThreadsStarveTheOthersOfCarriersAndEnoughCarriersDoNot() throws Exception {
        Path java = jdk25();
        String sample = "S17_CarrierStarvation";
        String[] args = {"--threads", "8", "--work-millis", "50", "--seconds", "2"};
        Path plain = run(java, false, List.of(PARALLELISM + "2"), sample, args);
        double plainWait = logged(plain, MOUNT_WAIT);
        assertThat(plainWait).as("without the agent, 8 spinners on 2 carriers wait longer in all than the run lasts: %s",
                SampleUnderAgent.read(log(plain))).isGreaterThan(logged(plain, WALL));

        Path out = run(java, true, List.of(PARALLELISM + "2"), sample, args);
        CarrierStarvation starved = analyzed(out).carrierStarvation();
        double measured = logged(out, MOUNT_WAIT);
        assertThat(starved).as("no carrier-starvation finding for 8 spinners on 2 carriers").isNotNull();
        assertThat(starved.starved()).as(starved.summary()).isTrue();
        assertThat(starved.parallelism()).isEqualTo(2);
        assertThat(starved.mountWaitSeconds()).as("the agent's mount wait against the %.2f s the sample measured: %s",
                measured, starved.summary()).isBetween(measured / 2, measured * 2);
        assertThat(starved.heldBy()).as(starved.summary()).anySatisfy(h -> {
            assertThat(h.methodName()).isEqualTo("spin");
            assertThat(h.how()).isEqualTo("cpu");
        });
        assertThat(starved.summary()).contains("Carrier starvation").contains("S17_CarrierStarvation.spin");

        Path enough = run(java, true, List.of(PARALLELISM + "8"), sample, args);
        CarrierStarvation none = analyzed(enough).carrierStarvation();
        assertThat(none == null || !none.starved()).as("8 spinners on 8 carriers (sample: %.2f s of mount waits): %s",
                logged(enough, MOUNT_WAIT), none == null ? "no finding" : none.summary()).isTrue();
    }

    @Test
    void onJdk17TheVirtualSamplesSaySoAndTheAgentStaysQuiet() throws Exception {
        Path java = jdk17();
        Path skipped = run(java, false, "S13_QueueHandoff", "--virtual", "--seconds", "1");
        assertThat(SampleUnderAgent.read(log(skipped))).contains("skipped: virtual threads need JDK 21");
        Path platform = run(java, true, "S14_LockHandoff", "--platform", "--seconds", "1");
        String log = SampleUnderAgent.read(log(platform));
        assertThat(log).doesNotContainIgnoringCase("warning").doesNotContain("costlevel:");
        Report report = analyzed(platform);
        assertThat(own(report, "S14_LockHandoff")).allMatch(s -> !s.evidence().containsKey("virtualBlocks"));
        assertThat(maxTier(own(report, "S14_LockHandoff"))).isEqualTo(4);
    }

    /** A site tiered L2+ on virtual threads shows the unmount: the agent's virtual blocks or samples in the path. */
    /**
     * An L2 site whose line the other virtual thread touched at its own site since this one's previous sample: the
     * signal of a ping-pong, whose lock word moves between the two carriers (40 % of its checks, 2026-12-06).
     */
    private static boolean movesAcrossSites(Site s) {
        return s.tier() == 2 && s.evidence().get("lineHandoffs") instanceof Number n && n.longValue() > 0;
    }

    private static boolean showsUnmount(Site s) {
        return s.evidence().containsKey("virtualBlocks") || s.evidence().containsKey("jfrVirtualHandoffSamples")
                || s.evidence().containsKey("jfrVirtualBlockEvents");
    }

    private Path run(Path java, boolean agent, String sampleClass, String... args) throws Exception {
        return SampleUnderAgent.runMain(java, agent, work, sampleClass, args);
    }

    private Path run(Path java, boolean agent, List<String> jvmOptions, String sampleClass, String... args)
            throws Exception {
        return SampleUnderAgent.runMain(java, agent, jvmOptions, work, sampleClass, args);
    }

    private static Path log(Path out) {
        return SampleUnderAgent.log(out);
    }

    private static double roundTrip(Path out) throws Exception {
        return logged(out, ROUND_TRIP);
    }

    /** A figure the sample printed. */
    private static double logged(Path out, Pattern figure) throws Exception {
        String log = SampleUnderAgent.read(log(out));
        Matcher m = figure.matcher(log);
        assertThat(m.find()).as("no %s in: %s", figure, log).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Report analyzed(Path out) throws Exception {
        return SampleUnderAgent.analyzed(out);
    }

    /** The sites of the sample's own class (the runner's join and the main thread are not the sample's). */
    static List<Site> own(Report report, String sampleClass) {
        String cls = PACKAGE + sampleClass;
        return report.sites().stream().filter(s -> s.className().equals(cls)).collect(Collectors.toList());
    }

    private static int maxTier(List<Site> sites) {
        return sites.stream().mapToInt(Site::tier).max().orElse(-1);
    }

    static String describe(List<Site> sites) {
        StringBuilder b = new StringBuilder();
        sites.stream().limit(8).forEach(s -> b.append("\n    L").append(s.tier()).append(' ').append(s.kind()).append(' ')
                .append(s.methodName()).append(':').append(s.line()).append(' ').append(s.evidence()).append(' ')
                .append(s.reasons()));
        return b.toString();
    }
}
