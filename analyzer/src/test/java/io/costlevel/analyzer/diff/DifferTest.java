package io.costlevel.analyzer.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.costlevel.analyzer.input.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The diff on report JSON written by hand: matching (a moved line is the same site), what counts
 * as a change beyond the noise, and what the rules fire on. Figures are shaped on real runs of the
 * seed samples (S03 at 1 and 2 threads, docs/diff.md).
 */
class DifferTest {
    private static final String CACHE = "com.acme.Cache";
    private static final String INCREMENT = "java.util.concurrent.atomic.AtomicLong.incrementAndGet";
    private static final String CAS = "java.util.concurrent.atomic.AtomicLong.compareAndSet";

    /** One uncontended atomic at one thread: no handoff in a million sampled ops. */
    private static Map<String, Number> alone(long ops, long cpuSamples) {
        return Map.of("threads", 1, "ops", ops, "latencySamples", ops / 64, "handoffChecks", ops / 64, "handoffRatio", 0.0,
                "jfrCpuSamples", cpuSamples);
    }

    /** The same atomic shared by two cores: 60 % of sampled ops found the line last touched by the other thread. */
    private static Map<String, Number> shared(long ops, long cpuSamples) {
        return Map.of("threads", 2, "ops", ops, "latencySamples", ops / 64, "handoffChecks", ops / 64,
                "handoffs", (long) (ops / 64 * 0.6), "handoffRatio", 0.6, "jfrCpuSamples", cpuSamples);
    }

    private static Diff diff(ReportJson base, ReportJson now) {
        return new Differ(0).compare(base.side("base.json"), now.side("new.json"));
    }

    private static SiteChange only(Diff diff, String method) {
        List<SiteChange> of = diff.changes().stream().filter(c -> c.pair().current().methodName().equals(method)).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    @Test
    void anAtomicThatStartsToBeSharedMovesUpATierBeyondTheNoiseAndFiresTierIncrease() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 2, 45.0, 0.9, INCREMENT, shared(40_000_000, 160));

        Diff diff = diff(base, now);
        SiteChange put = only(diff, "put");
        assertThat(put.change()).isEqualTo(Change.TIER_UP);
        assertThat(put.certain()).isTrue();
        assertThat(put.changedEvidence()).extracting(EvidenceChange::name).contains("handoffRatio");
        assertThat(put.nsPerOpConfirmed()).isTrue();
        assertThat(diff.noChange()).isFalse();

        assertThat(new FailRule.TierIncrease().check(diff)).hasValue("--fail-on tier-increase fired: 1 site: Cache.put:42 L1->L2");
        assertThat(new FailRule.NsPerOpGrowth(50).check(diff)).hasValueSatisfying(line -> assertThat(line)
                .isEqualTo("--fail-on nsPerOp+50% fired: 1 site: Cache.put:42 14.8 -> 45.0 ns/op (+204%)"));
        assertThat(new FailRule.NsPerOpGrowth(250).check(diff)).isEmpty();
        assertThat(new FailRule.TierAtLeast(2).check(diff)).hasValue("--fail-on tier>=2 fired: 1 site: Cache.put:42 L2");
        assertThat(new FailRule.TierAtLeast(3).check(diff)).isEmpty();
        assertThat(new FailRule.NewTierAtLeast(0).check(diff)).as("nothing is new").isEmpty();
    }

    /**
     * Two real runs of S03 at one thread on a busy machine: 61.8 and 14.8 ns/op (a timed op that is
     * preempted counts a time slice), the same CPU samples per op, no handoff in either. Nothing
     * changed in the program: no change, and no ns/op rule fires.
     */
    @Test
    void aLatencyThatMovesWithoutAnyEvidenceBehindItIsNoChange() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 61.76, 0.79, INCREMENT, alone(62_259_387, 54));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 1, 14.77, 0.58, INCREMENT, alone(96_291_677, 84));

        Diff there = diff(base, now);
        Diff back = diff(now, base);
        for (Diff d : List.of(there, back)) {
            assertThat(d.noChange()).isTrue();
            assertThat(only(d, "put").change()).isEqualTo(Change.UNCHANGED);
            assertThat(only(d, "put").nsPerOpConfirmed()).isFalse();
            assertThat(new FailRule.NsPerOpGrowth(50).check(d)).isEmpty();
        }
    }

    /** The loop around the site: sampled, never counted. */
    private static Map<String, Number> loopLine(long cpuSamples) {
        return Map.of("threads", 1, "jfrCpuSamples", cpuSamples);
    }

    /**
     * Two identical one-thread runs of S04 under the agent (CI of 2026-12-05): the compiled loop charged its
     * samples to the CAS line 43 times of 83 in one run and 70 of 83 in the other, the loop's own line taking the
     * rest. The CAS line's share rose far beyond binomial noise (z = +4.6), its CPU per second of run did not
     * (z = +2.4), nor its samples per op: no change.
     */
    @Test
    void aShareThatMovesBetweenTheLinesOfOneLoopIsNoChange() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 4.21, 0.518, CAS, alone(130_000_000, 43));
        base.site(CACHE, "loop", 17, "cpu", 0, null, 0.482, null, loopLine(40));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 1, 4.85, 0.850, CAS, alone(130_000_000, 70));
        now.site(CACHE, "loop", 17, "cpu", 0, null, 0.150, null, loopLine(13));

        Diff diff = diff(base, now);
        SiteChange put = only(diff, "put");
        assertThat(put.changedEvidence()).extracting(EvidenceChange::name).containsExactly(Measures.CPU_SHARE);
        assertThat(put.change()).isEqualTo(Change.UNCHANGED);
        assertThat(diff.noChange()).isTrue();
    }

    /** The same per-op cost, called twice as often, and so twice the CPU per second and most of the time: costlier. */
    @Test
    void aSiteUsedMoreTakesMoreOfTheTimeAndIsCostlier() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 15.0, 0.30, INCREMENT, alone(50_000_000, 300));
        base.site(CACHE, "render", 90, "cpu", 0, null, 0.70, null, loopLine(700));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 1, 15.0, 0.46, INCREMENT, alone(100_000_000, 600));
        now.site(CACHE, "render", 90, "cpu", 0, null, 0.54, null, loopLine(700));

        SiteChange put = only(diff(base, now), "put");
        assertThat(put.changedEvidence()).extracting(EvidenceChange::name)
                .contains(Measures.CPU_SHARE, Measures.CPU_PER_SECOND).doesNotContain("cpuSamplesPerOp");
        assertThat(put.change()).isEqualTo(Change.COSTLIER);
    }

    /** Another site got four times cheaper: this one's share rose, its CPU per second did not, so it is unchanged. */
    @Test
    void aShareThatRoseBecauseAnotherSiteGotCheaperIsNoChangeThere() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 15.0, 0.30, INCREMENT, alone(50_000_000, 300));
        base.site(CACHE, "render", 90, "cpu", 0, null, 0.70, null, loopLine(800));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 1, 15.0, 0.60, INCREMENT, alone(50_000_000, 300));
        now.site(CACHE, "render", 90, "cpu", 0, null, 0.40, null, loopLine(200));

        Diff diff = diff(base, now);
        assertThat(only(diff, "put").changedEvidence()).extracting(EvidenceChange::name).contains(Measures.CPU_SHARE);
        assertThat(only(diff, "put").change()).isEqualTo(Change.UNCHANGED);
        assertThat(only(diff, "render").change()).isNotEqualTo(Change.COSTLIER);
    }

    @Test
    void aTierMoveWithoutAFigureBehindItIsUncertainAndFiresNothing() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 19.0, 0.5, INCREMENT, alone(10_000_000, 40));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 2, 21.0, 0.5, INCREMENT, alone(10_000_000, 41));

        Diff diff = diff(base, now);
        SiteChange put = only(diff, "put");
        assertThat(put.change()).isEqualTo(Change.TIER_UP);
        assertThat(put.certain()).isFalse();
        assertThat(diff.noChange()).isTrue();
        assertThat(diff.uncertain()).containsExactly(put);
        assertThat(new FailRule.TierIncrease().check(diff)).isEmpty();
    }

    /**
     * A call's parks are inferred, each timed call that lasted a switch scaled by the calls the timing passed over
     * (640 calls, 10 timed: 64 each). One preempted timing is one observation, not 64 parks counted one by one: no
     * change. Counted one by one (a park site), 64 against none over the same ops is a change; and 500 of 1,000
     * timings blocked against none is one at a call too.
     */
    @Test
    void aCallsInferredParksAreTestedAsTheTimingsTheyWereScaledFrom() {
        Map<String, Number> preemptedOnce = Map.of("ops", 640, "latencySamples", 10, "parks", 64);
        Map<String, Number> neverBlocked = Map.of("ops", 640, "latencySamples", 10);
        SiteChange call = only(diff(loading("call", preemptedOnce), loading("call", neverBlocked)), "load");
        assertThat(call.changedEvidence()).extracting(EvidenceChange::name).doesNotContain("blocksPerOp");

        SiteChange park = only(diff(loading("park", preemptedOnce), loading("park", neverBlocked)), "load");
        assertThat(park.changedEvidence()).extracting(EvidenceChange::name).contains("blocksPerOp");

        Map<String, Number> halfBlocked = Map.of("ops", 64_000, "latencySamples", 1_000, "parks", 32_000);
        SiteChange blocking = only(diff(loading("call", Map.of("ops", 64_000, "latencySamples", 1_000)),
                loading("call", halfBlocked)), "load");
        assertThat(blocking.changedEvidence()).extracting(EvidenceChange::name).contains("blocksPerOp");
    }

    /** One run of a line that waits on a future, at the kind the agent gave it; its tier and ns/op are moot here. */
    private static ReportJson loading(String kind, Map<String, Number> evidence) {
        ReportJson run = ReportJson.agentRun();
        run.site(CACHE, "load", 42, kind, 4, 5_000.0, 0.5, "java.util.concurrent.Future.get", evidence);
        return run;
    }

    @Test
    void aCallsTimingsAreRebuiltByTheAgentsSchedule() {
        ReportJson run = ReportJson.agentRun();
        run.site(CACHE, "load", 42, "call", 2, 50.0, 0.5, null, Map.of("ops", 640_000, "latencySamples", 10_000));
        SiteView twoThreads = run.side("r.json").sites().get(0);
        // 5,000 weighted timings per thread: 1,024 in full, then 3,976 / 8 = 497; 2 x 1,521 timings of 640,000 ops.
        assertThat(Measures.inferredParkWeight(twoThreads)).isCloseTo(640_000 / 3_042.0, within(1e-9));
    }

    /** An edit above the site moved its line from 42 to 45: the same site, not a new one and a gone one. */
    @Test
    void aSiteWhoseLineMovedIsStillMatched() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        base.site(CACHE, "put", 50, "atomic", 1, 14.0, 0.3, CAS, alone(50_000_000, 40));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 45, "atomic", 1, 15.1, 0.6, INCREMENT, alone(95_000_000, 83));
        now.site(CACHE, "put", 53, "atomic", 1, 14.2, 0.3, CAS, alone(51_000_000, 41));

        Diff diff = diff(base, now);
        assertThat(diff.changes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.pair().matched()).isTrue();
            assertThat(c.pair().lineMoved()).isTrue();
            assertThat(c.change()).isEqualTo(Change.UNCHANGED);
        });
        assertThat(diff.changes()).extracting(c -> c.base().line() + "->" + c.now().line()).containsExactlyInAnyOrder("42->45", "50->53");
        assertThat(diff.noChange()).isTrue();
    }

    /** Two sites of one method doing the same thing, both moved: each pairs with its nearest line, never crossed. */
    @Test
    void movedSitesDoingTheSameThingPairByNearestLine() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 10, "atomic", 1, 14.0, 0.5, INCREMENT, alone(10_000_000, 40));
        base.site(CACHE, "put", 30, "atomic", 1, 14.0, 0.5, INCREMENT, alone(10_000_000, 40));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 12, "atomic", 1, 14.0, 0.5, INCREMENT, alone(10_000_000, 40));
        now.site(CACHE, "put", 33, "atomic", 1, 14.0, 0.5, INCREMENT, alone(10_000_000, 40));

        assertThat(diff(base, now).changes()).extracting(c -> c.base().line() + "->" + c.now().line())
                .containsExactlyInAnyOrder("10->12", "30->33");
    }

    /** A moved line doing something else (another primitive, another method) is not the same site. */
    @Test
    void aSiteDoingSomethingElseIsNewEvenInTheSameMethod() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 44, "atomic", 2, 45.0, 0.6, CAS, shared(40_000_000, 160));

        Diff diff = diff(base, now);
        assertThat(diff.changes()).extracting(SiteChange::change).containsExactlyInAnyOrder(Change.NEW, Change.GONE);
        assertThat(diff.reported()).extracting(SiteChange::change).containsExactly(Change.NEW);
        assertThat(new FailRule.NewTierAtLeast(2).check(diff)).hasValue("--fail-on new-tier>=2 fired: 1 site: Cache.put:44 L2");
        assertThat(new FailRule.NewTierAtLeast(3).check(diff)).isEmpty();
        assertThat(new FailRule.TierIncrease().check(diff)).isEmpty();
    }

    /** A site seen once (one JFR wait event of 25 us, a real runner's join) in one run only is within the noise of none. */
    @Test
    void aNewSiteFromOneEventIsUncertain() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        now.site("com.acme.Runner", "opsOf", 80, "wait", 4, null, 0.00001, null,
                Map.of("threads", 1, "jfrWaitEvents", 1, "jfrWaitNanos", 25_719));

        Diff diff = diff(base, now);
        assertThat(only(diff, "opsOf").change()).isEqualTo(Change.NEW);
        assertThat(only(diff, "opsOf").certain()).isFalse();
        assertThat(diff.noChange()).isTrue();
        assertThat(new FailRule.NewTierAtLeast(4).check(diff)).isEmpty();
        assertThat(new FailRule.TierAtLeast(4).check(diff)).as("tier>=N is about NEW as it is, evidence or not").isPresent();
    }

    @Test
    void minShareAndIdleHideSitesFromTheListAndTheRules() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.004, INCREMENT, alone(96_000_000, 84));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "put", 42, "atomic", 2, 45.0, 0.006, INCREMENT, shared(40_000_000, 160));
        ObjectNode idle = now.site("com.acme.Pool", "take", 7, "park", 4, 2.0e7, 0.5, "java.util.concurrent.locks.LockSupport.park",
                Map.of("ops", 100, "parks", 100));
        idle.put("idle", true);

        Diff all = new Differ(0).compare(base.side("b"), now.side("n"));
        assertThat(new FailRule.TierIncrease().check(all)).isPresent();
        assertThat(new FailRule.TierAtLeast(4).check(all)).as("an idle wait is not a cost").isEmpty();

        Diff hot = new Differ(0.01).compare(base.side("b"), now.side("n"));
        assertThat(only(hot, "put").hidden()).isTrue();
        assertThat(hot.noChange()).isTrue();
        assertThat(new FailRule.TierIncrease().check(hot)).isEmpty();
    }

    /** A site gone from NEW at L2 and above is news too: the costly thing went away. */
    @Test
    void aGoneCostlySiteIsReported() {
        ReportJson base = ReportJson.agentRun();
        base.site(CACHE, "put", 42, "atomic", 2, 45.0, 0.6, INCREMENT, shared(40_000_000, 160));
        base.site(CACHE, "get", 20, "atomic", 1, 14.0, 0.4, INCREMENT, alone(40_000_000, 100));
        ReportJson now = ReportJson.agentRun();
        now.site(CACHE, "get", 20, "atomic", 1, 14.0, 0.4, INCREMENT, alone(40_000_000, 100));
        assertThat(diff(base, now).reported()).extracting(SiteChange::change).containsExactly(Change.GONE);
    }

    /** Reports gain fields (issue 12: timeByTier, idle, chain) and evidence keys: the reader ignores what it does not know. */
    @Test
    void readsReportsWithFieldsItDoesNotKnowAndWithoutOptionalOnes() throws InputException {
        String json = """
                {"schemaVersion": 1, "futureField": {"x": [1, 2]},
                 "run": {"cores": 4, "durationSeconds": 3.5, "sources": ["agent"], "somethingNew": true},
                 "sites": [
                   {"className": "com.acme.Cache", "methodName": "put", "line": 42, "kind": "atomic", "tier": 2,
                    "nsPerOp": 37.5, "evidence": {"ops": 1000, "perThread": [1, 2], "note": "text", "casFailureRatio": 0.2},
                    "timeByTier": {"1": 0.71, "4": 0.29}, "idle": false,
                    "chain": ["com.acme.Cache.put:42", "java.util.Random.nextInt"], "newList": []},
                   {"className": "com.acme.Cache", "methodName": "get", "tier": 0}
                 ]}""";
        ReportSide side = ReportReader.read(json, "r.json");
        assertThat(side.cores()).isEqualTo(4);
        assertThat(side.hasAgent()).isTrue();
        SiteView put = side.sites().get(0);
        assertThat(put.evidence()).containsOnlyKeys("ops", "casFailureRatio");
        assertThat(put.chain()).as("no primitives: the chain past the line").containsExactly("java.util.Random.nextInt");
        SiteView get = side.sites().get(1);
        assertThat(get.line()).isEqualTo(-1);
        assertThat(get.nsPerOp()).isNull();
        assertThat(get.kind()).isEqualTo("cpu");
        assertThat(get.idle()).isFalse();
    }

    /** Optional fields of the wrong type read as missing rather than failing the whole diff. */
    @Test
    void optionalFieldsOfTheWrongTypeReadAsMissing() throws InputException {
        ReportSide side = ReportReader.read("""
                {"schemaVersion": 1, "run": [], "sites": [
                  {"className": "A", "methodName": "m", "tier": 1, "line": "x", "nsPerOp": "fast", "opsPerSecond": {},
                   "shareOfTime": null, "primitives": "p", "evidence": [1], "idle": "yes", "chain": {}}]}""", "r.json");
        SiteView s = side.sites().get(0);
        assertThat(side.cores()).isZero();
        assertThat(side.sources()).isEmpty();
        assertThat(s.line()).isEqualTo(-1);
        assertThat(s.nsPerOp()).isNull();
        assertThat(s.opsPerSecond()).isNull();
        assertThat(s.shareOfTime()).isZero();
        assertThat(s.chain()).isEmpty();
        assertThat(s.evidence()).isEmpty();
        assertThat(s.idle()).isFalse();
    }

    @Test
    void refusesWhatIsNotAReportItCanRead() {
        assertThatThrownBy(() -> ReportReader.read("{\"schemaVersion\": 2, \"sites\": []}", "r.json"))
                .isInstanceOf(InputException.class)
                .hasMessage("r.json: report schemaVersion 2, this costlevel reads 1 to 1 (written by a newer costlevel)");
        assertThatThrownBy(() -> ReportReader.read("{\"sites\": []}", "r.json")).hasMessage("r.json: not a costlevel report (no schemaVersion)");
        assertThatThrownBy(() -> ReportReader.read("{\"schemaVersion\": 1}", "r.json")).hasMessage("r.json: not a costlevel report (no sites array)");
        assertThatThrownBy(() -> ReportReader.read("{\"schemaVersion\": 1, \"sites\": [{\"className\": \"A\", \"methodName\": \"m\"}]}", "r.json"))
                .hasMessage("r.json: site 1 has no tier");
        assertThatThrownBy(() -> ReportReader.read("{\"schemaVersion\": 1, \"sites\": [{\"className\": \"A\", \"methodName\": \"m\", \"tier\": 7}]}", "r.json"))
                .hasMessage("r.json: site 1: tier 7 is not 0..5");
        assertThatThrownBy(() -> ReportReader.read("{\"schemaVersion\": 1, \"sites\": [", "r.json"))
                .hasMessageStartingWith("r.json: not valid JSON (");
        assertThatThrownBy(() -> ReportReader.read("[1, 2]", "r.json")).hasMessageContaining("not a JSON object");
    }

    @Test
    void runsRecordedDifferentlyOrOfDifferentProgramsAreNotComparable() {
        ReportJson agent = ReportJson.agentRun();
        agent.site(CACHE, "put", 42, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        ReportJson jfrOnly = ReportJson.run(2, 2.0, "jfr");
        jfrOnly.site(CACHE, "put", 42, "cpu", 0, null, 0.6, null, Map.of("jfrCpuSamples", 84));
        assertThatThrownBy(() -> DiffInputs.checkComparable(agent.side("a.json"), jfrOnly.side("j.json")))
                .hasMessage("a.json has the agent's counters and j.json does not: their tiers are not comparable; record both runs the same way");

        ReportJson other = ReportJson.agentRun();
        other.site("org.other.Thing", "run", 1, "atomic", 1, 14.8, 0.6, INCREMENT, alone(96_000_000, 84));
        assertThatThrownBy(() -> DiffInputs.checkComparable(agent.side("a.json"), other.side("o.json")))
                .hasMessage("a.json and o.json have no class in common: they are not runs of the same program");
    }
}
