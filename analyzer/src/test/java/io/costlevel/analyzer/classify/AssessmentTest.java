package io.costlevel.analyzer.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentTest {
    /** Shares as the reasons print them: a share short of all of it never reads 100 %, or a split adds up to more. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.0      | 100 %",
            "0.99996  | 99.9 %",
            "0.996    | 99.6 %",
            "0.995    | 99.5 %",
            "0.994    | 99 %",
            "0.52     | 52 %",
            "0.052    | 5.2 %",
            "0.00021  | 0.021 %"})
    void sharesReadAsTheyAddUp(double fraction, String printed) {
        assertThat(Assessment.percent(fraction)).isEqualTo(printed);
    }
}
