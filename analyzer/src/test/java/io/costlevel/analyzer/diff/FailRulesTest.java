package io.costlevel.analyzer.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailRulesTest {

    @Test
    void parsesEveryRuleKindInOrder() {
        assertThat(FailRules.parse("tier-increase,new-tier>=3, tier>=5 ,nsPerOp+50%")).containsExactly(
                new FailRule.TierIncrease(), new FailRule.NewTierAtLeast(3), new FailRule.TierAtLeast(5),
                new FailRule.NsPerOpGrowth(50));
    }

    @Test
    void spellsRulesBackAsWritten() {
        assertThat(FailRules.parse("tier-increase,new-tier>=2,tier>=4,nsPerOp+50%,nsPerOp+12.5%").stream().map(FailRule::spelling))
                .containsExactly("tier-increase", "new-tier>=2", "tier>=4", "nsPerOp+50%", "nsPerOp+12.5%");
    }

    @Test
    void acceptsTheNsPerOpRuleInAnyCase() {
        assertThat(FailRules.parse("nsperop+10%")).containsExactly(new FailRule.NsPerOpGrowth(10));
    }

    @Test
    void refusesUnknownRulesAndSaysWhichRulesThereAre() {
        assertThatThrownBy(() -> FailRules.parse("tier-increase,tier-decrease"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tier-decrease'").hasMessageContaining("new-tier>=N");
        assertThatThrownBy(() -> FailRules.parse("")).hasMessageContaining("unknown rule ''");
        assertThatThrownBy(() -> FailRules.parse("tier-increase,")).hasMessageContaining("unknown rule ''");
        assertThatThrownBy(() -> FailRules.parse("nsPerOp+50")).hasMessageContaining("unknown rule");
        assertThatThrownBy(() -> FailRules.parse("tier>3")).hasMessageContaining("unknown rule");
    }

    @Test
    void refusesTiersBeyondL5AndGrowthOfNothing() {
        assertThatThrownBy(() -> FailRules.parse("tier>=6")).hasMessageContaining("tiers are 0..5");
        assertThatThrownBy(() -> FailRules.parse("new-tier>=9")).hasMessageContaining("tiers are 0..5");
        assertThatThrownBy(() -> FailRules.parse("nsPerOp+0%")).hasMessageContaining("above 0%");
    }
}
