package nl.zorgtafel.core.internal.shell;

import nl.zorgtafel.core.internal.Core;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code zorgtafel:replay <partnerId>}: a partner's dead letters are delivered again. */
@Service
@Command(scope = "zorgtafel", name = "replay",
        description = "Makes a partner's dead letters pending again, to be delivered from now on.")
public class ReplayCommand implements Action {

    @Reference
    Core core;

    /** The caller's shell session: what is printed on its console reaches "ssh ... command" too. */
    @Reference
    Session session;

    @Argument(index = 0, name = "partnerId", description = "The partner: ggz, rvdk, mee, horizon, jbrr, ...",
            required = true)
    String partnerId;

    @Override
    public Object execute() {
        session.getConsole().println(OperatorTables.replayed(partnerId, core.replayDeadLetters(partnerId)));
        return null;
    }
}
