package nl.zorgtafel.core.internal.shell;

import nl.zorgtafel.core.internal.Core;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import nl.zorgtafel.core.internal.audit.SystemEvents;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code zorgtafel:audit-verify}: checks the audit trail's hash chain from its anchor to its
 * head, and says where it breaks. The check is itself audited.
 */
@Service
@Command(scope = "zorgtafel", name = "audit-verify",
        description = "Verifies the audit trail's hash chain: every record unaltered, none missing or inserted.")
public class AuditVerifyCommand implements Action {

    @Reference
    Core core;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AuditTrail.Verification verification = core.audit().verify();
        Object user = session == null ? null : session.get("USER");
        core.audit().record(SystemEvents.verification(core.audit().clock(), user == null ? "shell" : user.toString(),
                verification.valid()));
        String text = describe(verification);
        if (session != null) {
            // printed on the session's console: a returned value is not shown to "ssh ... command"
            session.getConsole().println(text);
            return null;
        }
        return text;
    }

    static String describe(AuditTrail.Verification verification) {
        if (verification.valid()) {
            return "Audit trail VALID: " + verification.checkedRows() + " record(s) checked, from anchor "
                    + verification.anchorSeq() + " to record " + verification.lastSeq() + ", last hash "
                    + verification.lastHash();
        }
        return "Audit trail BROKEN at record " + verification.brokenAtSeq() + ": " + verification.problem() + " ("
                + verification.checkedRows() + " record(s) before it verified)";
    }
}
