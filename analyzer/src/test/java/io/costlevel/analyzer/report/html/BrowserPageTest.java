package io.costlevel.analyzer.report.html;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page test in headless Chromium: one browser for the class (skipped without Chromium unless
 * -Dcostlevel.requireBrowser=true), and after every test a page that never alerted, threw, logged an error
 * or touched the network. The diff and forecast page tests extend it.
 */
abstract class BrowserPageTest {
    static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");
    static final Path PAGES = TARGET.resolve("html-test");
    static HeadlessChromium chromium;

    /** The page the test opened last, the only address it may have requested. */
    Path opened;

    @BeforeAll
    static void startChromium() throws IOException, InterruptedException {
        chromium = HeadlessChromium.startOrSkip();
        Files.createDirectories(PAGES);
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

    @AfterEach
    void pageStayedQuiet() {
        chromium.assertQuiet(opened);
    }
}
