package nl.zorgtafel.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgtafel.core.internal.audit.AuditTrail;
import org.junit.jupiter.api.Test;

class AuditVerifyCommandTest {

    @Test
    void aValidChainSaysHowFarItWasChecked() {
        String text = AuditVerifyCommand.describe(new AuditTrail.Verification(true, 12, 0, 12, "ab".repeat(32), null,
                null));
        assertThat(text).startsWith("Audit trail VALID: 12 record(s)").contains("ab".repeat(32));
    }

    @Test
    void aBrokenChainNamesTheRecordWhereItBreaks() {
        String text = AuditVerifyCommand.describe(new AuditTrail.Verification(false, 5, 0, 12, "ab".repeat(32), 6L,
                "record 6 was altered"));
        assertThat(text).isEqualTo("Audit trail BROKEN at record 6: record 6 was altered (5 record(s) before it "
                + "verified)");
    }
}
