package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleSnapshotTest {

    private static final String LISTING = """
            START LEVEL 100 , List Threshold: 0
            ID | State    | Lvl | Version            | Name
            ---+----------+-----+--------------------+------------------
            29 | Active   |  80 | 0.1.0.202611281320 | Zorgtafel :: Core
            30 | Active   |  80 | 0.1.0.202611281321 | Zorgtafel :: Partner GGZ
            """;

    @Test
    void parses_the_script_and_the_listing() {
        BundleSnapshot snapshot = BundleSnapshot.parse("""
                BND 0 32 0 org.apache.felix.framework S,1,2
                BND 29 32 1795872137733 nl.zorgtafel.core S,97,98,108
                BND 30 32 1795872137751 nl.zorgtafel.partner.ggz S,115
                BND 79 4 1795872137001 org.ops4j.pax.web.pax-web-compatibility-servlet31 S
                """, LISTING);
        assertThat(snapshot.bundles()).hasSize(4);
        assertThat(snapshot.bundles().get(29L).serviceIds()).containsExactly(97L, 98L, 108L);
        assertThat(snapshot.bundles().get(79L).serviceIds()).isEmpty();
        assertThat(snapshot.bundles().get(79L).state()).isEqualTo(4);
        assertThat(snapshot.listing()).hasSize(2).first().asString().startsWith("29 | Active");
        assertThat(snapshot.has("nl.zorgtafel.partner.ggz")).isTrue();
    }

    @Test
    void reports_what_changed_besides_the_swapped_bundle() {
        BundleSnapshot before = BundleSnapshot.parse("""
                BND 29 32 100 nl.zorgtafel.core S,97,98
                BND 30 32 200 nl.zorgtafel.partner.ggz S,115
                BND 31 32 300 nl.zorgtafel.partner.rvdk S,116
                BND 82 32 400 org.ops4j.pax.web.pax-web-runtime S,50
                """, "");
        BundleSnapshot after = BundleSnapshot.parse("""
                BND 29 32 100 nl.zorgtafel.core S,97,98
                BND 31 4 300 nl.zorgtafel.partner.rvdk S
                BND 82 32 400 org.ops4j.pax.web.pax-web-runtime S,150
                BND 90 32 500 nl.zorgtafel.partner.ggz S,151
                """, "");
        assertThat(before.changesTo(after, "nl.zorgtafel.partner.ggz")).containsExactly(
                "nl.zorgtafel.partner.rvdk [31] state ACTIVE -> RESOLVED, services [116] -> []",
                "org.ops4j.pax.web.pax-web-runtime [82] services registered again (restarted or refreshed)");
        assertThat(before.changesTo(before, "nl.zorgtafel.partner.ggz")).isEmpty();
    }
}
