package io.costlevel.analyzer.report.html;

import io.costlevel.analyzer.forecast.Forecast;
import io.costlevel.analyzer.forecast.ForecastHtml;
import io.costlevel.analyzer.forecast.TestSites;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast page in headless Chromium, as DiffHtmlBrowserTest checks the diff's: every site in the
 * model's order with both tiers, the moved one highlighted, its reasons, hostile names kept as text, and a
 * page that never alerts, throws, logs an error or touches the network. Skips without Chromium unless
 * -Dcostlevel.requireBrowser=true.
 */
class ForecastHtmlBrowserTest extends BrowserPageTest {
    private static final String HOSTILE = "com.acme.<img src=x onerror=alert(1)>Spin";

    @Test
    void showsEverySiteBothTiersAndTheReasons() throws IOException {
        Forecast forecast = TestSites.pageForecast("com.acme.Lock");
        open("forecast.html", forecast);

        assertThat(chromium.text("document.getElementById('verdict').textContent"))
                .isEqualTo("1 of 2 sites change tier; the highest at 8 threads on 2 cores is L5");
        assertThat(chromium.strings("[...document.querySelectorAll('#forecast tbody.site tr:first-child')].map(r => r.cells[0].textContent + ' ' + r.cells[3].textContent)"))
                .containsExactly("L2 → L5 spin-descheduled", "L1 → L1 striped");
        assertThat(chromium.strings("[...document.querySelectorAll('#forecast tr.moved')].map(r => r.cells[1].textContent)"))
                .containsExactly("com.acme.Lock.run:42");
        assertThat(chromium.text("document.querySelector('#forecast tr.moved').cells[6].textContent")).startsWith("≥ ");
        assertThat(chromium.text("document.querySelector('#forecast tr.detail').textContent"))
                .contains("the owner is descheduled", "at least");
        assertThat(chromium.text("document.getElementById('runs').textContent")).contains("out-1t (1 threads, 2 cores)", "USL fit over 2 thread counts", "a note");
    }

    @Test
    void hostileNamesStayText() throws IOException {
        open("forecast-hostile.html", TestSites.pageForecast(HOSTILE));

        assertThat(chromium.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(3);
        assertThat(chromium.text("document.querySelector('#forecast td.site').textContent")).isEqualTo(HOSTILE + ".run:42");
    }

    @Test
    void theScriptUsesNoApiThatParsesMarkup() {
        for (String script : List.of("forecast.js", "page-kit.js")) {
            assertThat(HtmlTemplate.resource(script)).as(script)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(", "srcdoc");
        }
    }

    private void open(String name, Forecast forecast) throws IOException {
        opened = PAGES.resolve(name);
        ForecastHtml.write(forecast, opened);
        chromium.open(opened);
    }
}
