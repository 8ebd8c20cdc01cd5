package io.costlevel.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteTableTest {
    private static Site site(int line) {
        return new Site("com.acme.A", "run", "()V", line, "monitorenter", "monitor");
    }

    @Test
    void sameSiteSameIdAndIdsStartAfterTheOverflowSite() {
        SiteTable table = new SiteTable(10);

        int first = table.idOf(site(1));

        assertThat(first).isEqualTo(1);
        assertThat(table.idOf(site(1))).isEqualTo(first);
        assertThat(table.idOf(site(2))).isEqualTo(2);
        assertThat(table.snapshot()).containsExactly(Site.OVERFLOW, site(1), site(2));
    }

    @Test
    void sitesBeyondMaxSitesShareTheOverflowSiteAndAreCountedOnce() {
        SiteTable table = new SiteTable(2);
        table.idOf(site(1));
        table.idOf(site(2));

        assertThat(table.idOf(site(3))).isEqualTo(SiteTable.OVERFLOW_ID);
        assertThat(table.idOf(site(3))).isEqualTo(SiteTable.OVERFLOW_ID);
        assertThat(table.idOf(site(4))).isEqualTo(SiteTable.OVERFLOW_ID);
        assertThat(table.droppedSites()).isEqualTo(2);
        assertThat(table.snapshot()).hasSize(3);
    }
}
