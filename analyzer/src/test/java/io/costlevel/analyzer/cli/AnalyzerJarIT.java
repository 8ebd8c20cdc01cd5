package io.costlevel.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar as users run it: `java -jar costlevel.jar analyze ...`, exit codes and stderr. */
class AnalyzerJarIT {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    private Result run(String... args) throws Exception {
        return runWith(List.of(), args);
    }

    private Result runWith(List<String> jvmArgs, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", System.getProperty("costlevel.analyzerJar")));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("analyzer did not end within 60 s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void analyzesAnAgentDirectoryIntoJson() throws Exception {
        Path json = dir.resolve("report.json");
        Result r = run("analyze", Path.of("src/test/resources/golden/agent-cas-2t").toAbsolutePath().toString(), "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1", "S04_CasCounter");
    }

    /** Without the direct memory for its chunk buffer, the analyzer maps the chunks and reports the same. */
    @Test
    void shortOfDirectMemoryTheSameReport() throws Exception {
        String recording = Path.of("src/test/resources/golden/jfr-blocking-ticket-8t.jfr").toAbsolutePath().toString();
        Path copied = dir.resolve("copied.json");
        Path mapped = dir.resolve("mapped.json");
        Result usual = run("analyze", recording, "--json", copied.toString());
        Result short_ = runWith(List.of("-XX:MaxDirectMemorySize=16k"), "analyze", recording, "--json", mapped.toString());
        assertThat(usual.exit()).as(usual.err()).isZero();
        assertThat(short_.exit()).as(short_.err()).isZero();
        assertThat(withoutClock(mapped)).isEqualTo(withoutClock(copied)).anyMatch(l -> l.contains("S06_BlockingTicketLockCounter"));
    }

    /** The report but its generatedAt line. */
    private static List<String> withoutClock(Path report) throws Exception {
        return Files.readAllLines(report).stream().filter(l -> !l.contains("\"generatedAt\"")).toList();
    }

    /** diff from the jar: a directory analysed first against the report of it; exit 0 clean, 3 when a rule fires. */
    @Test
    void diffsARunAgainstItsReportAndGatesOnARule() throws Exception {
        String dirInput = Path.of("src/test/resources/golden/agent-cas-2t").toAbsolutePath().toString();
        String report = Path.of("src/test/resources/golden/agent-cas-2t.expected.json").toAbsolutePath().toString();
        Result clean = run("diff", report, dirInput, "--fail-on", "tier-increase,new-tier>=2");
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("no change beyond the noise");
        Result gated = run("diff", report, dirInput, "--fail-on", "tier>=2");
        assertThat(gated.exit()).isEqualTo(3);
        assertThat(gated.err().lines()).containsExactly("costlevel: --fail-on tier>=2 fired: 1 site: S04_CasCounter.increment:33 L2");
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() throws Exception {
        Path notJfr = Files.writeString(dir.resolve("x.jfr"), "hello");
        Result r = run("analyze", notJfr.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("not a JFR recording").doesNotContain("\tat ");
    }

    @Test
    void versionAndHelp() throws Exception {
        assertThat(run("--version").out()).startsWith("costlevel 0.");
        Result help = run("analyze", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--json", "--html");
    }
}
