package io.costlevel.analyzer.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.costlevel.analyzer.Analysis;
import io.costlevel.analyzer.classify.Tiers;
import io.costlevel.analyzer.input.jfr.Progress;
import io.costlevel.analyzer.report.CarrierStarvation;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;
import io.costlevel.analyzer.report.TierSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens written reports in headless Chromium and checks what a user sees after the page's script
 * ran: every site, the tiers, the ladder, sorting and filtering by clicking, the per-site panel, and
 * that hostile strings from a recording stay text. Takes the screenshots a human checks for
 * legibility (target/report-1280x800.png, target/report-phone.png).
 *
 * <p>Skips when Chromium is missing, unless {@code -Dcostlevel.requireBrowser=true} (CI), where a
 * missing browser is a failure: install it with scripts/install-test-deps.sh.
 */
class HtmlReportBrowserTest {
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");
    private static final Path PAGES = TARGET.resolve("html-test");
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");
    private static HeadlessChromium chromium;

    private Path opened;

    @BeforeAll
    static void startChromium() throws IOException, InterruptedException {
        if (!HeadlessChromium.installed()) {
            assertThat(Boolean.getBoolean("costlevel.requireBrowser"))
                    .as("costlevel.requireBrowser is set but %s is missing; run scripts/install-test-deps.sh", HeadlessChromium.binary())
                    .isFalse();
            assumeTrue(false, HeadlessChromium.binary() + " missing; run scripts/install-test-deps.sh to run the browser test");
        }
        Files.createDirectories(PAGES);
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void forgetPreviousPage() {
        chromium.clearRecords();
    }

    /** Whatever a test did, the page must not have alerted, thrown, logged an error or gone to the network. */
    @AfterEach
    void pageStayedQuiet() {
        assertThat(chromium.dialogs()).as("dialogs").isEmpty();
        assertThat(chromium.errors()).as("script errors and CSP violations").isEmpty();
        assertThat(chromium.requests()).as("requests").allMatch(url -> url.equals(opened.toUri().toString()));
    }

    @Test
    void showsEverySiteEveryTierTheLadderAndTheRunSummary() throws IOException {
        Report report = SampleReports.ladder();
        open("ladder.html", report);

        assertThat(strings("[...document.querySelectorAll('#sites tbody.site td[data-key=className]')].map(td => td.textContent)"))
                .containsExactlyElementsOf(report.sites().stream().map(Site::className).toList());
        assertThat(strings("[...document.querySelectorAll('#tier-cards .tier-card .name')].map(e => e.textContent)"))
                .containsExactly("L0 vanilla", "L1 uncontended atomic", "L2 true sharing", "L3 system call",
                        "L4 context switch", "L5 catastrophe");
        assertThat(strings("[...document.querySelectorAll('#tier-cards .tier-card .count')].map(e => e.textContent)"))
                .containsExactly("1 site", "1 site", "3 sites", "1 site", "3 sites", "1 site");
        assertThat(text("document.querySelector('#tier-cards .tier-card[data-tier=\"5\"]').textContent")).contains("41.0 % of time");

        long placed = report.sites().stream().filter(s -> s.nsPerOp() != null).count();
        assertThat(chromium.evaluate("document.querySelectorAll('#chart svg g.row').length").asLong()).isEqualTo(placed);
        assertThat(strings("[...document.querySelectorAll('#chart .band-label')].map(e => e.textContent)"))
                .containsExactly("L0", "L1", "L2", "L3", "L4", "L5");
        assertThat(strings("[...document.querySelectorAll('#chart .axis text')].map(e => e.textContent)"))
                .contains("1 ns", "1 µs", "1 ms");
        assertThat(text("document.getElementById('chart').textContent")).contains("OrderService.checkout");

        assertThat(text("document.getElementById('run').innerText"))
                .contains(report.run().jvm(), "60.4 s", "agent, jfr", "costlevel-out/")
                .contains("async-profiler was not attached");
        assertThat(strings("[...document.querySelectorAll('#tier-guide tbody tr')].map(r => r.dataset.tier)"))
                .containsExactly("0", "1", "2", "3", "4", "5");
    }

    /** The bands are drawn where the classifier's bounds fall on the axis, read off the decade grid lines. */
    @Test
    void theLadderDrawsEachTiersBandFromTheClassifiersBounds() throws IOException {
        open("ladder.html", SampleReports.ladder());
        LogAxis axis = LogAxis.read(this);
        List<Double> starts = doubles("[...document.querySelectorAll('#chart rect.band')].map(r => Number(r.getAttribute('x')))");
        List<Double> widths = doubles("[...document.querySelectorAll('#chart rect.band')].map(r => Number(r.getAttribute('width')))");
        assertThat(starts).hasSize(Tiers.count());
        for (int tier = 0; tier < Tiers.count(); tier++) {
            assertThat(starts.get(tier)).as("L%d band starts at %s ns", tier, Tiers.floorNs(tier))
                    .isCloseTo(axis.x(Tiers.floorNs(tier)), within(0.5));
            assertThat(starts.get(tier) + widths.get(tier)).as("L%d band ends at %s ns", tier, Tiers.ceilingNs(tier))
                    .isCloseTo(axis.x(Tiers.ceilingNs(tier)), within(0.5));
        }
        assertThat(strings("[...document.querySelectorAll('#tier-guide tbody tr')].map(r => r.cells[1].textContent)"))
                .containsExactly("< 2 ns", "2 – 20 ns", "20 – 300 ns", "300 ns – 2 µs", "2 µs – 1 ms", "≥ 1 ms");
    }

    /**
     * A report from a real analysis (a golden recording of S06 at 8 threads, analysed in-process as
     * GoldenRecordingsTest does), not one built by hand: whatever the analyzer really produces must
     * render, every site in the table with its tier, every site with a cost on the ladder where that
     * cost falls, and sorting by ns/op must order the real figures.
     */
    @Test
    void aReportFromARealRecordingShowsEverySiteItsTierAndItsCost() throws Exception {
        Report report = new Analysis(null, Progress.silent()).run(List.of(GOLDEN.resolve("agent-blocking-ticket-8t")));
        assertThat(report.sites()).as("the golden input has sites with and without ns/op")
                .anyMatch(s -> s.nsPerOp() != null).anyMatch(s -> s.nsPerOp() == null);
        open("golden-blocking-ticket-8t.html", report);

        assertThat(strings("[...document.querySelectorAll('#sites tbody.site tr.site-row')].map(r =>"
                + " r.querySelector('td[data-key=className]').textContent + '.' + r.querySelector('td[data-key=methodName]').textContent"
                + " + ':' + r.querySelector('td[data-key=line]').textContent + ' ' + r.querySelector('td[data-key=tier] .tier-badge').textContent)"))
                .as("every site of the model, in the model's order, with its tier")
                .containsExactlyElementsOf(report.sites().stream()
                        .map(s -> s.className() + "." + s.methodName() + ":" + (s.line() >= 0 ? s.line() : "—") + " L" + s.tier()).toList());
        assertThat(text("document.getElementById('site-count').textContent"))
                .isEqualTo("Showing " + report.sites().size() + " of " + report.sites().size() + " sites");
        for (TierSummary tier : report.tiers()) {
            assertThat(text("document.querySelector('#tier-cards .tier-card[data-tier=\"" + tier.tier() + "\"] .count').textContent"))
                    .as("card of %s", tier.name()).startsWith(tier.sites() + " site");
        }

        List<Integer> withCost = new ArrayList<>();
        for (int i = 0; i < report.sites().size(); i++) {
            if (report.sites().get(i).nsPerOp() != null) {
                withCost.add(i);
            }
        }
        assertThat(strings("[...document.querySelectorAll('#chart g.row')].map(g => g.dataset.index)").stream().map(Integer::valueOf))
                .as("one point per site with ns/op").containsExactlyInAnyOrderElementsOf(withCost);
        LogAxis axis = LogAxis.read(this);
        for (int index : withCost) {
            Site site = report.sites().get(index);
            String row = "document.querySelector('#chart g.row[data-index=\"" + index + "\"]')";
            assertThat(chromium.evaluate(row + ".querySelector('circle.dot').getAttribute('cx')").asDouble())
                    .as("point of %s:%d at %s ns", site.methodName(), site.line(), site.nsPerOp())
                    .isCloseTo(axis.x(site.nsPerOp()), within(0.5));
            assertThat(text(row + ".querySelector('text.value').textContent")).as("its ns/op printed").matches("[0-9.]+ (ns|µs|ms|s)");
        }

        click("#sites th[data-key=nsPerOp]");
        List<Double> expected = new ArrayList<>(report.sites().stream().map(Site::nsPerOp).filter(Objects::nonNull).toList());
        expected.sort(Comparator.reverseOrder());
        while (expected.size() < report.sites().size()) {
            expected.add(null);
        }
        assertThat(nsPerOpColumn()).as("costliest first, sites without ns/op last").containsExactlyElementsOf(expected);
    }

    @Test
    void thePageSaysWhyADotIsOffItsBandASiteIsSplitAndASiteHasNoNsPerOp() throws IOException {
        open("explained.html", SampleReports.explained());
        // Hovering a dot: its title carries the split and why it lies outside its tier's band.
        List<String> dotTitles = strings("[...document.querySelectorAll('#chart g.row')].map(g => g.querySelector('title').textContent)");
        assertThat(dotTitles).anySatisfy(t -> assertThat(t).contains("BlockingTicketLockCounter.increment:57")
                .contains("lies in L4 context switch's range, not L2 true sharing's"));
        assertThat(dotTitles).anySatisfy(t -> assertThat(t).contains("ReentrantLockCounter.increment:30")
                .contains("time split between tiers: L1 71.0 %, L4 29.0 %"));
        assertThat(chromium.evaluate("document.querySelectorAll('#chart circle.dot.outside').length").asInt()).isEqualTo(1);
        // The table shows the split beside the tier, and says idle instead of a share.
        List<String> tierCells = strings("[...document.querySelectorAll('#sites td[data-key=tier]')].map(td => td.textContent)");
        assertThat(tierCells).contains("L1 L1 71.0 %, L4 29.0 %");
        assertThat(strings("[...document.querySelectorAll('#sites tbody.site.idle td[data-key=shareOfTime]')].map(td => td.textContent)"))
                .containsExactly("idle");
        // A site without ns/op: named under the chart with why, and the why in its panel.
        assertThat(strings("[...document.querySelectorAll('#chart ul.unplaced li')].map(li => li.title)"))
                .containsExactly("no ns/op: the agent counted no synchronization on this line (plain code), so it has no operations to divide by");
        String plainRow = "[...document.querySelectorAll('#sites tbody.site')].find(b => b.textContent.includes('CounterRun$Worker'))";
        chromium.evaluate(plainRow + ".querySelector('tr.site-row').click()");
        assertThat(text(plainRow + ".querySelector('.panel').textContent")).contains("— (no ns/op: the agent counted no synchronization");
    }

    @Test
    void clickingAHeaderSortsAndClickingAgainReverses() throws IOException {
        open("ladder.html", SampleReports.ladder());

        click("#sites th[data-key=nsPerOp]");
        List<Double> descending = nsPerOpColumn();
        assertThat(descending).startsWith(50_462_492.0).endsWith((Double) null);
        assertThat(descending.subList(0, descending.size() - 1)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(text("document.querySelector('#sites th[data-key=nsPerOp]').getAttribute('aria-sort')")).isEqualTo("descending");

        click("#sites th[data-key=nsPerOp]");
        List<Double> ascending = nsPerOpColumn();
        assertThat(ascending).startsWith(0.33).endsWith((Double) null);
        assertThat(ascending.subList(0, ascending.size() - 1)).isSorted();

        click("#sites th[data-key=className]");
        List<String> classes = strings("[...document.querySelectorAll('#sites tbody.site td[data-key=className]')].map(td => td.textContent)");
        assertThat(classes).isSorted().first().isEqualTo("com.acme.shop.OrderService");
        assertThat(text("document.querySelector('#sites th[data-key=nsPerOp]').getAttribute('aria-sort')")).isEmpty();
    }

    @Test
    void textTierAndTierCardFiltersHideRowsAndSayHowMany() throws IOException {
        open("ladder.html", SampleReports.ladder());

        chromium.evaluate("(() => { const i = document.getElementById('filter-text'); i.value = 'ticketlock';"
                + " i.dispatchEvent(new Event('input')); })()");
        assertThat(visibleClasses()).hasSize(4).allMatch(c -> c.contains("TicketLock"));
        assertThat(text("document.getElementById('site-count').textContent")).isEqualTo("Showing 4 of 10 sites");

        chromium.evaluate("(() => { const i = document.getElementById('filter-text'); i.value = '';"
                + " i.dispatchEvent(new Event('input')); })()");
        click("#filter-tiers input[data-tier=\"2\"]");
        click("#filter-tiers input[data-tier=\"4\"]");
        assertThat(visibleClasses()).hasSize(4).noneMatch(c -> c.contains("Synchronized") || c.contains("Blocking"));

        click("#tier-cards .tier-card[data-tier=\"4\"]");
        assertThat(visibleClasses()).containsExactly("io.costlevel.samples.S06_BlockingTicketLockCounter",
                "io.costlevel.samples.S05_YieldingTicketLockCounter", "com.acme.shop.OrderService");
        click("#tier-cards .tier-card[data-tier=\"4\"]");
        assertThat(visibleClasses()).hasSize(10);
    }

    @Test
    void clickingARowOpensItsEvidenceReasonsAndAdvice() throws IOException {
        open("ladder.html", SampleReports.ladder());
        String firstDetail = "document.querySelector('#sites tbody.site tr.site-detail')";
        assertThat(chromium.evaluate(firstDetail + ".hidden").asBoolean()).isTrue();

        click("#sites tbody.site tr.site-row");

        assertThat(chromium.evaluate(firstDetail + ".hidden").asBoolean()).isFalse();
        assertThat(text(firstDetail + ".innerText"))
                .contains("spinsPerOp", "1,930,000", "runnableThreads", "cpuShareWhileWaiting", "0.99")
                .contains("waiters spin while 8 runnable threads share 2 cores")
                .contains("spinning ticket lock -> spin briefly, then park", "Bound the spin", "30 µs", "2 s of thread time per second (2.00 threads busy)")
                .contains("java.lang.Thread.onSpinWait");
        assertThat(text("document.querySelector('#sites tbody.site tr.site-row').getAttribute('aria-expanded')")).isEqualTo("true");
    }

    @Test
    void clickingASiteOnTheLadderOpensItInTheTableEvenWhenFilteredOut() throws IOException {
        open("ladder.html", SampleReports.ladder());
        click("#tier-cards .tier-card[data-tier=\"0\"]");
        String atomicRow = "[...document.querySelectorAll('#sites tbody.site')]"
                + ".find(b => b.querySelector('td[data-key=className]').textContent === 'io.costlevel.samples.S03_AtomicCounter')";
        assertThat(chromium.evaluate(atomicRow + ".hidden").asBoolean()).isTrue();

        chromium.evaluate("[...document.querySelectorAll('#chart g.row')]"
                + ".find(g => g.textContent.includes('S03_AtomicCounter')).dispatchEvent(new MouseEvent('click', {bubbles: true}))");

        assertThat(chromium.evaluate(atomicRow + ".hidden").asBoolean()).isFalse();
        assertThat(chromium.evaluate(atomicRow + ".querySelector('tr.site-detail').hidden").asBoolean()).isFalse();
        assertThat(text("document.getElementById('site-count').textContent")).isEqualTo("Showing 10 of 10 sites");
    }

    /** Issue 15: the run's carrier-starvation finding is shown under the run summary, with what held the carriers. */
    @Test
    void carrierStarvationIsShownWithWhatHeldTheCarriers() throws IOException {
        CarrierStarvation.CarrierHolder spin = new CarrierStarvation.CarrierHolder(
                "io.costlevel.samples.S17_CarrierStarvation", "spin", 33, "cpu", 3.08, 0.7182,
                "100% of the CPU samples of virtual threads");
        CarrierStarvation finding = new CarrierStarvation(true, 2, 2, 2.144, 5.958, 1.389, 1.543, 0.7197, 226, 7,
                List.of(spin), "Carrier starvation (the virtual-thread form of L5): virtual threads waited 5.96 s");
        open("carriers.html", SampleReports.ladder().withCarrierStarvation(finding));

        String shown = text("document.getElementById('carrier-starvation').innerText");
        assertThat(shown).contains("Carrier starvation (virtual threads):", "waited 5.96 s",
                "io.costlevel.samples.S17_CarrierStarvation.spin:33", "cpu, 3.08 s of carrier time (72% of all carriers",
                "100% of the CPU samples");
        assertThat(chromium.evaluate("document.querySelector('#carrier-starvation .starved') !== null").asBoolean()).isTrue();
    }

    @Test
    void aReportWithNothingInItStillRenders() throws IOException {
        open("empty.html", new Report(Report.SCHEMA_VERSION, null, null, List.of(), null));

        assertThat(text("document.getElementById('site-count').textContent")).isEqualTo("Showing 0 of 0 sites");
        assertThat(text("document.getElementById('chart').textContent")).contains("No site in this report");
        assertThat(strings("[...document.querySelectorAll('#tier-cards .tier-card .count')].map(e => e.textContent)"))
                .containsOnly("0 sites").hasSize(6);
        assertThat(text("document.getElementById('run').innerText")).contains("unknown");
    }

    @Test
    void legibleAt1280x800AndAtPhoneWidth() throws IOException {
        open("ladder.html", SampleReports.ladder());
        try {
            Path desktop = TARGET.resolve("report-1280x800.png");
            chromium.screenshot(desktop, 1280, 800, false);
            assertThat(desktop).isNotEmptyFile();
            assertThat(chromium.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                    .as("no sideways scrolling of the page at 1280").isTrue();

            Path phone = TARGET.resolve("report-phone.png");
            chromium.screenshot(phone, 390, 844, true);
            assertThat(phone).isNotEmptyFile();
            assertThat(chromium.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                    .as("only the tables scroll sideways on a phone, never the page").isTrue();
            assertThat(chromium.evaluate("document.querySelector('#chart svg').getBoundingClientRect().width <= window.innerWidth").asBoolean())
                    .as("the ladder is redrawn for the phone's width").isTrue();
            chromium.evaluate("document.getElementById('ladder').scrollIntoView()");
            chromium.screenshot(TARGET.resolve("report-phone-ladder.png"), 390, 844, true);

            click("#sites tbody.site tr.site-row");
            chromium.evaluate("document.querySelector('#sites tbody.site').scrollIntoView()");
            chromium.screenshot(TARGET.resolve("report-phone-panel.png"), 390, 844, true);
            assertThat(chromium.evaluate("document.querySelector('#sites .panel').getBoundingClientRect().right <= window.innerWidth").asBoolean())
                    .as("a site's panel is readable without scrolling the table sideways").isTrue();
            click("#sites tbody.site tr.site-row");

            // the whole page with one site's panel open: the picture for docs/report-html.md
            click("#sites tbody.site tr.site-row");
            chromium.evaluate("window.scrollTo(0, 0)");
            chromium.screenshotFullPage(TARGET.resolve("report-full-1280.png"), 1280);
        } finally {
            chromium.resetViewport();
        }
    }

    @Test
    void hostileStringsStayTextWithAndWithoutTheContentSecurityPolicy() throws IOException {
        Report report = SampleReports.hostile();
        String page = HtmlReportWriter.render(report);
        String withoutCsp = page.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        assertThat(withoutCsp).as("test must really drop the policy").doesNotContain("Content-Security-Policy");

        // Escaping alone must hold; the policy is a second wall, so test each page on its own.
        for (String[] variant : List.of(new String[] {"hostile.html", page}, new String[] {"hostile-no-csp.html", withoutCsp})) {
            opened = PAGES.resolve(variant[0]);
            Files.writeString(opened, variant[1]);
            chromium.open(opened);

            assertThat(chromium.evaluate("document.querySelectorAll('img, b, i, u, a').length").asInt())
                    .as("elements from data in %s", variant[0]).isZero();
            assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(2);
            assertThat(chromium.evaluate("document.querySelectorAll('svg svg, svg[onload]').length").asInt()).isZero();
            assertThat(text("document.querySelector('#sites td[data-key=className]').textContent")).isEqualTo(SampleReports.HOSTILE_CLASS);
            assertThat(text("document.querySelector('#sites td[data-key=methodName]').textContent")).isEqualTo(SampleReports.HOSTILE_METHOD);
            assertThat(text("document.getElementById('run').textContent"))
                    .contains(SampleReports.HOSTILE_JVM, SampleReports.HOSTILE_INPUT, "<u>agent</u>", "<img src=x onerror=alert(13)>");
            assertThat(text("document.querySelector('meta[name=generator]').content")).isEqualTo("costlevel " + SampleReports.HOSTILE_VERSION);
            click("#sites tbody.site tr.site-row");
            assertThat(text("document.querySelector('#sites tr.site-detail').textContent"))
                    .contains(SampleReports.HOSTILE_EVIDENCE_KEY, SampleReports.HOSTILE_EVIDENCE_VALUE, SampleReports.HOSTILE_REASON,
                            SampleReports.HOSTILE_THREAD, "<a href=\"javascript:alert(10)\">click</a>");
            pageStayedQuiet();
            chromium.clearRecords();
        }
    }

    private void open(String name, Report report) throws IOException {
        opened = PAGES.resolve(name);
        HtmlReportWriter.write(report, opened);
        chromium.open(opened);
    }

    private void click(String selector) throws IOException {
        chromium.evaluate("document.querySelector('" + selector.replace("'", "\\'") + "').click()");
    }

    private String text(String expression) throws IOException {
        JsonNode value = chromium.evaluate(expression);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    private List<String> strings(String expression) throws IOException {
        List<String> values = new ArrayList<>();
        chromium.evaluate(expression).forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    private List<String> visibleClasses() throws IOException {
        return strings("[...document.querySelectorAll('#sites tbody.site:not([hidden]) td[data-key=className]')].map(td => td.textContent)");
    }

    private List<Double> doubles(String expression) throws IOException {
        List<Double> values = new ArrayList<>();
        chromium.evaluate(expression).forEach(v -> values.add(v.asDouble()));
        return values;
    }

    /**
     * The chart's log axis as drawn: one grid line per decade from 0.1 ns, so where any cost falls is
     * read off the page itself, not from the script's constants; costs beyond the axis sit at its ends.
     */
    private record LogAxis(double firstLineX, double pixelsPerDecade, int decades) {
        private static final double FIRST_LINE_NS = 0.1;

        static LogAxis read(HtmlReportBrowserTest test) throws IOException {
            List<Double> lines = test.doubles("[...document.querySelectorAll('#chart .axis line.grid')].map(l => Number(l.getAttribute('x1')))");
            assertThat(lines).as("decade grid lines").hasSizeGreaterThan(2);
            int decades = lines.size() - 1;
            return new LogAxis(lines.get(0), (lines.get(decades) - lines.get(0)) / decades, decades);
        }

        double x(double ns) {
            double decade = Math.log10(ns / FIRST_LINE_NS);
            return firstLineX + pixelsPerDecade * Math.max(0, Math.min(decades, decade));
        }
    }

    /** The raw ns/op of the rows in display order; null for a site without an estimate. */
    private List<Double> nsPerOpColumn() throws IOException {
        return strings("[...document.querySelectorAll('#sites tbody.site td[data-key=nsPerOp]')].map(td => td.getAttribute('data-value'))")
                .stream().map(v -> v == null ? null : Double.valueOf(v)).toList();
    }
}
