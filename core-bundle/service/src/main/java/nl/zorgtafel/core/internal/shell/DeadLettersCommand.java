package nl.zorgtafel.core.internal.shell;

import nl.zorgtafel.core.internal.Core;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code zorgtafel:dead-letters <partnerId>}: the notifications given up on, and why. */
@Service
@Command(scope = "zorgtafel", name = "dead-letters",
        description = "Lists a partner's dead letters: notification, kind, case, created, attempts, last error.")
public class DeadLettersCommand implements Action {

    @Reference
    Core core;

    /** The caller's shell session: what is printed on its console reaches "ssh ... command" too. */
    @Reference
    Session session;

    @Argument(index = 0, name = "partnerId", description = "The partner: ggz, rvdk, mee, horizon, jbrr, ...",
            required = true)
    String partnerId;

    @Option(name = "--no-format", description = "Rows without header or borders, for scripts.")
    boolean noFormat;

    @Override
    public Object execute() {
        OperatorTables.deadLetters(partnerId, core.deadLetters(partnerId)).print(session.getConsole(), !noFormat);
        return null;
    }
}
