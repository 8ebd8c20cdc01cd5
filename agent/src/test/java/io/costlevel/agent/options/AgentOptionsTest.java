package io.costlevel.agent.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {
    @Test
    void defaultsFollowTheContract() throws Exception {
        AgentOptions options = AgentOptions.parse(null);

        assertThat(options.out()).isEqualTo(Paths.get("costlevel-out"));
        assertThat(options.include()).isEmpty();
        assertThat(options.intervalSeconds()).isEqualTo(10);
        assertThat(options.sampling()).isEqualTo(64);
        assertThat(options.maxSites()).isEqualTo(10_000);
        for (Family family : Family.values()) {
            assertThat(options.enabled(family)).isTrue();
        }
        assertThat(options.given()).isEmpty();
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        AgentOptions options = AgentOptions.parse(
                "out=/tmp/x,include=com.acme.;org.shop.,exclude=com.acme.gen.,interval=5,sampling=8,maxSites=20,"
                        + "atomics=false,profiler=false");

        assertThat(options.out()).isEqualTo(Paths.get("/tmp/x"));
        assertThat(options.include()).isEqualTo(List.of("com.acme.", "org.shop."));
        assertThat(options.exclude()).isEqualTo(List.of("com.acme.gen."));
        assertThat(options.intervalSeconds()).isEqualTo(5);
        assertThat(options.sampling()).isEqualTo(8);
        assertThat(options.maxSites()).isEqualTo(20);
        assertThat(options.enabled(Family.ATOMICS)).isFalse();
        assertThat(options.enabled(Family.LOCKS)).isTrue();
        assertThat(options.get("profiler")).isEqualTo("false");
        assertThat(options.given()).containsEntry("interval", "5").hasSize(8);
    }

    @Test
    void unknownKeyIsOneLineNamingItAndTheKnownKeys() {
        assertThatThrownBy(() -> AgentOptions.parse("out=x,intervl=5"))
                .isInstanceOf(BadOptionException.class)
                .hasMessageStartingWith("costlevel: bad option 'intervl=5': unknown key (known: out, include, ")
                .hasMessageEndingWith("; agent disabled, application continues")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "interval=0|expected a whole number from 1 to 86400",
        "interval=ten|expected a whole number from 1 to 86400",
        "sampling=-1|expected a whole number from 1 to 1048576",
        "maxSites=0|expected a whole number from 1 to 1000000",
        "atomics=yes|expected true or false",
        "include=com.acme.;9bad|'9bad' is not a class-name prefix",
        "out=|empty value",
        "interval|expected key=value",
        "interval=5,interval=6|given twice",
        "profiler.interval=often|profiler.interval=often",
        "maxDiskMb=0|expected a positive whole number",
        "jfr=maybe|expected true or false",
        "profiler.event=wall-clock|expected one of",
        "jfr.threshold=|empty value"})
    void badValueNamesTheOptionAndWhy(String text, String why) {
        assertThatThrownBy(() -> AgentOptions.parse(text))
                .isInstanceOf(BadOptionException.class)
                .hasMessageContaining("bad option '")
                .hasMessageContaining(why);
    }

    /** Issue 13: ';' for ',' used to make a directory named "dir;include=com.acme." and drop include silently. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "out=dir;include=com.acme.|'out=dir;include=com.acme.': the value holds another option ('include='); options are separated by ',', not ';': write out=dir,include=com.acme.",
        "include=com.acme. sampling=8|not ' ': write include=com.acme.,sampling=8",
        "out=/tmp/x:profiler.event=cpu|('profiler.event='); options are separated by ',', not ':': write out=/tmp/x,profiler.event=cpu",
        "out=interval=5|('interval='); options are separated by ','"})
    void aValueHoldingAnotherOptionIsRefusedWithTheFix(String text, String message) {
        assertThatThrownBy(() -> AgentOptions.parse(text))
                .isInstanceOf(BadOptionException.class)
                .hasMessageContaining(message)
                .hasMessageEndingWith("; agent disabled, application continues")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aKeyNameInsideAWordIsNoOption() throws Exception {
        assertThat(AgentOptions.parse("out=/data/layout=1").out()).isEqualTo(Paths.get("/data/layout=1"));
    }

    @Test
    void aBadCaptureValueIsRefusedLikeAnyOtherNotReplacedByItsDefault() {
        assertThatThrownBy(() -> AgentOptions.parse("out=x,jfr.samplePeriod=-5ms"))
                .isInstanceOf(BadOptionException.class)
                .hasMessageContaining("'jfr.samplePeriod=-5ms'")
                .hasMessageContaining("agent disabled")
                .hasMessageNotContaining("using");
    }

    @Test
    void captureKeysAreKnownAndPassedThroughAsGiven() throws Exception {
        AgentOptions options = AgentOptions.parse("jfr=false,profiler.interval=5ms");

        assertThat(options.given()).containsEntry("jfr", "false").containsEntry("profiler.interval", "5ms");
        assertThat(options.flag("jfr")).isFalse();
    }

    @Test
    void askingForAKeyThatDoesNotExistIsAProgrammingError() throws Exception {
        AgentOptions options = AgentOptions.parse("");
        assertThatThrownBy(() -> options.get("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
