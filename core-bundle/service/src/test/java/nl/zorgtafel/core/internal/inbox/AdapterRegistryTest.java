package nl.zorgtafel.core.internal.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdapterRegistryTest {

    private final AdapterRegistry registry = new AdapterRegistry();
    private final List<String> heard = new ArrayList<>();
    private final TextAdapter shipped = new TextAdapter("ggz");
    private final TextAdapter dropped = new TextAdapter("ggz");

    AdapterRegistryTest() {
        registry.onArrival(partnerId -> heard.add("arrived " + partnerId));
        registry.onDeparture(partnerId -> heard.add("departed " + partnerId));
    }

    @Test
    void aNewerVersionBesideTheOldOneServesAndTheOldOneServesAgainWhenItLeaves() {
        registry.arrived(shipped, "0.1.0.202611281000");
        registry.arrived(dropped, "0.1.0.202611281500");

        assertThat(registry.adapterFor("ggz")).containsSame(dropped);
        assertThat(registry.versionFor("ggz")).contains("0.1.0.202611281500");

        registry.departed(dropped);

        assertThat(registry.adapterFor("ggz")).containsSame(shipped);
        assertThat(registry.versionFor("ggz")).contains("0.1.0.202611281000");
        assertThat(heard).containsExactly("arrived ggz", "arrived ggz", "arrived ggz");
    }

    @Test
    void anOlderVersionArrivingLaterDoesNotTakeOver() {
        registry.arrived(dropped, "1.2.0");
        registry.arrived(shipped, "1.1.9");

        assertThat(registry.adapterFor("ggz")).containsSame(dropped);

        registry.departed(shipped);

        assertThat(registry.adapterFor("ggz")).containsSame(dropped);
        assertThat(heard).containsExactly("arrived ggz", "arrived ggz");
    }

    @Test
    void theLastAdapterLeavingIsADeparture() {
        registry.arrived(shipped, "1.0.0");

        registry.departed(shipped);

        assertThat(registry.adapterFor("ggz")).isEmpty();
        assertThat(registry.presentPartners()).isEmpty();
        assertThat(heard).containsExactly("arrived ggz", "departed ggz");
    }

    @Test
    void anAdapterRestartedAtTheSameVersionServesAgain() {
        registry.arrived(shipped, "1.0.0");
        registry.departed(shipped);
        registry.arrived(shipped, "1.0.0");

        assertThat(registry.adapterFor("ggz")).containsSame(shipped);
        assertThat(registry.presentPartners()).containsExactly("ggz");
    }

    @Test
    void versionsCompareAsOsgiVersions() {
        assertThat(AdapterRegistry.compareVersions("1.10.0", "1.9.0")).isPositive();
        assertThat(AdapterRegistry.compareVersions("1.0.0.b", "1.0.0.a")).isPositive();
        assertThat(AdapterRegistry.compareVersions("1.0.0", "1.0.0.a")).isNegative();
        assertThat(AdapterRegistry.compareVersions("1.0", "1.0.0")).isZero();
        assertThat(AdapterRegistry.compareVersions("unknown", "0.0.1")).isNegative();
    }
}
