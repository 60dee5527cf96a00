package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void aPersonWithAPartnerRoleActsForThatPartner() {
        Caller professional = Caller.person("fenna", Set.of("partner-ggz"));

        assertThat(professional.partnerId()).isEqualTo("ggz");
        assertThat(professional.reportingPartner()).contains("ggz");
        assertThat(professional.kind()).isEqualTo(Caller.Kind.PERSON);
        assertThat(professional.worksWithCases()).isTrue();
    }

    @Test
    void theCoordinatorWithoutAPartnerRoleReportsForTheCrisisTeam() {
        Caller coordinator = Caller.person("daan", Set.of("coordinator"));

        assertThat(coordinator.reportingPartner()).contains("jbrr");
        assertThat(coordinator.isCoordinator()).isTrue();
    }

    @Test
    void aPersonWithSeveralPartnerRolesActsForTheFirstInAlphabeticalOrder() {
        assertThat(Caller.person("joost", Set.of("partner-rvdk", "partner-mee", "partner-ggz")).partnerId())
                .isEqualTo("ggz");
    }

    @Test
    void theCoordinatorSeesEveryCase() {
        Caller coordinator = Caller.person("daan", Set.of("coordinator"));

        assertThat(coordinator.maySee(Set.of("ggz"))).isTrue();
        assertThat(coordinator.maySee(Set.of())).isTrue();
    }

    @Test
    void aPartnerProfessionalSeesOnlyCasesItsPartnerIsInvolvedIn() {
        Caller professional = Caller.person("fenna", Set.of("partner-mee"));

        assertThat(professional.maySee(Set.of("ggz", "mee"))).isTrue();
        assertThat(professional.maySee(Set.of("ggz", "rvdk"))).isFalse();
        assertThat(professional.maySee(Set.of())).isFalse();
    }

    @Test
    void aPartnerSystemSeesOnlyCasesItsPartnerIsInvolvedIn() {
        Caller system = Caller.partnerSystem("horizon");

        assertThat(system.name()).isEqualTo("system:horizon");
        assertThat(system.kind()).isEqualTo(Caller.Kind.PARTNER_SYSTEM);
        assertThat(system.maySee(Set.of("horizon"))).isTrue();
        assertThat(system.maySee(Set.of("ggz"))).isFalse();
    }

    @Test
    void operatorsAndPrivacyOfficersDoNotWorkWithCaseContent() {
        Caller operator = Caller.person("ops", Set.of("operator"));
        Caller privacyOfficer = Caller.person("fg", Set.of("privacy-officer"));

        assertThat(operator.worksWithCases()).isFalse();
        assertThat(operator.reportingPartner()).isEmpty();
        assertThat(operator.maySee(Set.of("ggz"))).isFalse();
        assertThat(privacyOfficer.worksWithCases()).isFalse();
        assertThat(privacyOfficer.maySee(Set.of("ggz"))).isFalse();
    }
}
