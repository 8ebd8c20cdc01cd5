package io.costlevel.analyzer.attribution;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer's idea of application code is the agent's: same never-list, same include and exclude. */
class ApplicationCodeTest {
    @Test
    void byDefaultEverythingTheAgentInstrumentsIsApplicationLibrariesIncluded() {
        ApplicationCode code = ApplicationCode.everythingButRuntime();
        assertThat(code.contains("com.acme.Cache")).isTrue();
        assertThat(code.contains("kotlinx.coroutines.sync.MutexImpl")).as("a library, as for the agent").isTrue();
        assertThat(code.contains("java.util.concurrent.ArrayBlockingQueue")).isFalse();
        assertThat(code.contains("org.xml.sax.helpers.DefaultHandler")).as("a JDK module outside java.*").isFalse();
        assertThat(code.contains("io.costlevel.agent.bootstrap.Probes")).isFalse();
        assertThat(code.contains("")).as("a native frame").isFalse();
    }

    @Test
    void includeNarrowsExcludeCutsOutAndTheRuntimeIsNeverIncluded() {
        ApplicationCode code = ApplicationCode.fromOptions("com.acme.;io.costlevel.", "com.acme.generated.");
        assertThat(code.contains("com.acme.Cache")).isTrue();
        assertThat(code.contains("com.acme.generated.Stub")).isFalse();
        assertThat(code.contains("org.shop.Cart")).isFalse();
        assertThat(code.contains("io.costlevel.agent.bootstrap.Probes")).as("the agent never counts itself").isFalse();
    }

    @Test
    void theRuntimeListHoldsEveryPrefixTheAgentNeverInstruments() throws Exception {
        Field never = Class.forName("io.costlevel.agent.instrument.Selection").getDeclaredField("NEVER");
        never.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> agentNever = (List<String>) never.get(null);
        assertThat(agentNever).isNotEmpty();
        assertThat(ApplicationCode.RUNTIME_PREFIXES)
                .containsAll(agentNever.stream().map(p -> p.replace('/', '.')).toList());
    }
}
