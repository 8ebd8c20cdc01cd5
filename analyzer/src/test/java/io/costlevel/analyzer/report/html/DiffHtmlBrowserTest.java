package io.costlevel.analyzer.report.html;

import io.costlevel.analyzer.diff.Diff;
import io.costlevel.analyzer.diff.DiffHtml;
import io.costlevel.analyzer.diff.Differ;
import io.costlevel.analyzer.diff.FailRules;
import io.costlevel.analyzer.diff.ReportJson;
import io.costlevel.analyzer.diff.RuleOutcome;
import io.costlevel.analyzer.diff.SiteChange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The diff page in headless Chromium, as HtmlReportBrowserTest checks the report: every reported
 * change in the table in the model's order, the moved sites highlighted, both runs' points on one
 * ladder where their costs fall, the fired rules shown, hostile names kept as text, and a page that
 * never alerts, throws, logs an error or touches the network. Screenshot: target/diff-1280x800.png.
 * Skips without Chromium unless -Dcostlevel.requireBrowser=true.
 */
class DiffHtmlBrowserTest extends BrowserPageTest {
    private static final String INCREMENT = "java.util.concurrent.atomic.AtomicLong.incrementAndGet";
    private static final String HOSTILE = "com.acme.<img src=x onerror=alert(1)>Cache";

    /**
     * One site moved L1 -> L2, a new L4 site, an unchanged one whose line moved, a gone L2 one, and one
     * whose tier moved with no figure behind it (uncertain).
     */
    private static Diff diff(String className) {
        Map<String, Number> alone = Map.of("ops", 96_000_000, "handoffChecks", 1_500_000, "jfrCpuSamples", 84);
        Map<String, Number> shared = Map.of("ops", 40_000_000, "handoffChecks", 625_000, "handoffs", 375_000, "jfrCpuSamples", 160);
        Map<String, Number> quiet = Map.of("ops", 10_000_000, "handoffChecks", 150_000, "jfrCpuSamples", 20);
        ReportJson base = ReportJson.agentRun();
        base.site(className, "put", 42, "atomic", 1, 14.8, 0.5, INCREMENT, alone);
        base.site(className, "get", 10, "atomic", 1, 9.0, 0.1, INCREMENT, quiet);
        base.site(className, "evict", 70, "atomic", 2, 60.0, 0.4, INCREMENT, shared);
        base.site(className, "size", 5, "atomic", 1, 19.0, 0.01, INCREMENT, quiet);
        ReportJson now = ReportJson.agentRun();
        now.site(className, "put", 42, "atomic", 2, 45.0, 0.6, INCREMENT, shared);
        now.site(className, "get", 13, "atomic", 1, 9.1, 0.1, INCREMENT, quiet);
        now.site(className, "size", 5, "atomic", 2, 21.0, 0.01, INCREMENT, quiet);
        now.site(className, "load", 90, "park", 4, 25_000.0, 0.3, "java.util.concurrent.locks.LockSupport.park",
                Map.of("ops", 40_000, "parks", 40_000, "parkedNanos", 1_000_000_000L));
        return new Differ(0).compare(base.side("base-report.json"), now.side("new/costlevel-out"));
    }

    @Test
    void showsEveryChangeHighlightsMovedSitesAndTheFiredRules() throws IOException {
        Diff diff = diff("com.acme.Cache");
        List<RuleOutcome> rules = RuleOutcome.check(FailRules.parse("tier-increase,tier>=5"), diff);
        open("diff.html", diff, rules);

        assertThat(chromium.text("document.getElementById('verdict').textContent")).isEqualTo("3 changes beyond the noise; 1 --fail-on rule fired");
        assertThat(chromium.strings("[...document.querySelectorAll('#changes tbody tr.site-row')].map(r => r.dataset.change + ' ' + r.cells[1].textContent)"))
                .as("the changes beyond the noise, then the uncertain ones")
                .containsExactly("tier-up Cache.put:42", "new Cache.load:90", "gone Cache.evict:70", "tier-up Cache.size:5");
        assertThat(diff.reported().stream().map(DiffHtmlBrowserTest::row))
                .containsExactly("tier-up Cache.put:42", "new Cache.load:90", "gone Cache.evict:70");
        assertThat(chromium.text("document.querySelectorAll('#changes tr.site-row')[3].cells[0].textContent")).isEqualTo("tier-up uncertain");
        assertThat(chromium.strings("[...document.querySelectorAll('#changes tr.site-row.moved')].map(r => r.dataset.change)"))
                .as("tier moves and new and gone sites are highlighted, uncertain ones not").containsExactly("tier-up", "new", "gone");
        assertThat(chromium.text("document.querySelector('#changes tr.site-row').cells[3].textContent")).isEqualTo("L1 → L2");
        assertThat(chromium.text("document.querySelector('#changes tr.site-row').cells[4].textContent")).isEqualTo("14.8 ns → 45 ns");

        chromium.click("#changes tr.site-row");
        assertThat(chromium.text("document.querySelector('#changes tr.site-detail:not([hidden])').textContent"))
                .contains("handoffRatio", "0.00 % → 60.0 %", "two-proportion z-test");
        assertThat(chromium.text("document.getElementById('rules').textContent"))
                .contains("--fail-on tier-increase fired: 1 site: Cache.put:42 L1->L2").doesNotContain("tier>=5");
        assertThat(chromium.text("document.getElementById('runs').textContent")).contains("base-report.json", "new/costlevel-out", "2 cores");
        assertThat(chromium.text("document.getElementById('changes-summary').textContent")).isEqualTo("3 sites in both runs compared.");
    }

    /** Each site with a cost has its BASE ring and NEW dot where their ns/op fall on the log axis drawn. */
    @Test
    void theLaddersAreOverlaidWithBothRunsPointsWhereTheirCostsFall() throws IOException {
        Diff diff = diff("com.acme.Cache");
        open("diff-ladder.html", diff, List.of());

        List<Double> grid = chromium.doubles("[...document.querySelectorAll('#chart .axis line.grid')].map(l => Number(l.getAttribute('x1')))");
        double perDecade = (grid.get(grid.size() - 1) - grid.get(0)) / (grid.size() - 1);
        List<String> labels = chromium.strings("[...document.querySelectorAll('#chart g.row text.row-label')].map(t => t.textContent)");
        assertThat(labels).containsExactlyInAnyOrder("Cache.put:42", "Cache.get:13", "Cache.load:90", "Cache.evict:70", "Cache.size:5");
        for (SiteChange c : diff.changes()) {
            String row = "[...document.querySelectorAll('#chart g.row')].find(g => g.querySelector('text.row-label').textContent === '"
                    + c.pair().current().label() + "')";
            if (c.base() != null) {
                assertThat(chromium.evaluate(row + ".querySelector('circle[data-run=base]').getAttribute('cx')").asDouble())
                        .as("BASE point of %s", c.pair().current().label())
                        .isCloseTo(grid.get(0) + perDecade * Math.log10(c.base().nsPerOp() / 0.1), within(0.5));
            }
            if (c.now() != null) {
                assertThat(chromium.evaluate(row + ".querySelector('circle[data-run=new]').getAttribute('cx')").asDouble())
                        .as("NEW point of %s", c.pair().current().label())
                        .isCloseTo(grid.get(0) + perDecade * Math.log10(c.now().nsPerOp() / 0.1), within(0.5));
            }
        }
        assertThat(chromium.strings("[...document.querySelectorAll('#chart g.row.moved text.row-label')].map(t => t.textContent)"))
                .containsExactlyInAnyOrder("Cache.put:42", "Cache.load:90", "Cache.evict:70");
        assertThat(chromium.strings("[...document.querySelectorAll('#chart .band-label')].map(e => e.textContent)"))
                .containsExactly("L0", "L1", "L2", "L3", "L4", "L5");
        chromium.screenshot(TARGET.resolve("diff-1280x800.png"), 1280, 800, false);
        chromium.resetViewport();
    }

    @Test
    void hostileNamesStayText() throws IOException {
        Diff diff = diff(HOSTILE);
        open("diff-hostile.html", diff, RuleOutcome.check(FailRules.parse("tier-increase"), diff));
        assertThat(chromium.evaluate("document.querySelectorAll('img, svg svg').length").asInt()).isZero();
        assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(3);
        assertThat(chromium.text("document.querySelector('#changes td.site').title")).isEqualTo(HOSTILE);
        assertThat(chromium.text("document.getElementById('rules').textContent")).contains("<img src=x onerror=alert(1)>Cache.put:42");
    }

    @Test
    void theScriptsUseNoApiThatParsesMarkup() {
        for (String script : List.of("diff.js", "page-kit.js")) {
            assertThat(HtmlTemplate.resource(script)).as(script)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(", "srcdoc");
        }
    }

    private static String row(SiteChange c) {
        return c.change().id() + " " + c.pair().current().label();
    }

    private void open(String name, Diff diff, List<RuleOutcome> rules) throws IOException {
        opened = PAGES.resolve(name);
        DiffHtml.write(diff, rules, opened);
        chromium.open(opened);
    }
}
