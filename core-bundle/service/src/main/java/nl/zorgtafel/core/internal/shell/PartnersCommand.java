package nl.zorgtafel.core.internal.shell;

import nl.zorgtafel.core.internal.Core;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code zorgtafel:partners}: each partner's adapter, waiting messages, dead letters and last error. */
@Service
@Command(scope = "zorgtafel", name = "partners",
        description = "Lists the partners: adapter, pending inbox and outbox, dead letters, last delivery error.")
public class PartnersCommand implements Action {

    @Reference
    Core core;

    /** The caller's shell session: what is printed on its console reaches "ssh ... command" too. */
    @Reference
    Session session;

    @Option(name = "--no-format", description = "Rows without header or borders, for scripts.")
    boolean noFormat;

    @Override
    public Object execute() {
        OperatorTables.partners(core.overview().all()).print(session.getConsole(), !noFormat);
        return null;
    }
}
