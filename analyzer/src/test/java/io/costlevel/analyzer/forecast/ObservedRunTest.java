package io.costlevel.analyzer.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.costlevel.analyzer.forecast.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;

/** A run's workers: the threads of the op they repeat, not of the main thread's sleep beside them. */
class ObservedRunTest {
    /** The main thread's one sleep while the workers run: counted, with the largest share of the time. */
    private static final TestSites MAIN_SLEEP = site("sleep").threads(1).opsPerSecond(0.4).share(0.49);

    @Test
    void theRepeatedCountedOpNamesTheWorkers() {
        assertThat(ObservedRun.workers(List.of(MAIN_SLEEP.build(),
                site("atomic").threads(8).opsPerSecond(2e7).share(0.4).build(),
                site("atomic").threads(9).opsPerSecond(50).share(0.01).build()))).isEqualTo(8);
    }

    @Test
    void workInsideALibraryTheAgentDoesNotCountIsFoundByItsShareOfTime() {
        // A shared java.util.Random at 2 threads under the agent: the seed's CAS is inside the JDK, the lines are CPU samples.
        assertThat(ObservedRun.workers(List.of(MAIN_SLEEP.build(),
                site("cpu").threads(2).share(0.34).build(),
                site("cpu").threads(2).share(0.14).build(),
                site("join").threads(1).opsPerSecond(0.8).share(0.001).build(),
                site("cpu").threads(3).share(0.02).build()))).isEqualTo(2);
    }
}
