package nl.zorgtafel.core.internal.http;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.core.internal.Core;

/** Lets tests outside this package serve requests through the real {@link ApiServlet}. */
public final class ApiServletAccess {

    private final ApiServlet servlet;

    public ApiServletAccess(Core core) {
        this.servlet = new ApiServlet(core);
    }

    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        servlet.service(request, response);
    }
}
