package nl.zorgtafel.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Serves the web UI's files from this bundle under {@code /ui/}, and sends a visit to the
 * platform's root ({@code /}) there. Registered for {@code /ui/*} and as the default servlet
 * ({@code /}), which only takes what no other servlet maps: {@code /api/v1/*} stays the API's.
 * While the API is not there — the platform is starting, or its core is being updated — a
 * request for it lands here and is answered 503 with {@code Retry-After}, so that a partner
 * system sends again rather than taking a 404 for an answer. No file holds data: everything
 * personal comes from the API, behind its login.
 */
@Component(service = Servlet.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/ui/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=zorgtafel-ui"
})
public final class UiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String HOME = "/ui/";
    private static final String UI_PATH = "/ui";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.all().forEach(response::setHeader);
        if (ApiAbsent.concerns(request.getServletPath())) {
            ApiAbsent.answer(response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        if (!UI_PATH.equals(request.getServletPath())) {
            // the default mapping ("/"): the platform's root goes to the UI, anything else is unknown
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            if (path.isEmpty() || path.equals("/")) {
                response.sendRedirect(request.getContextPath() + HOME);
            } else {
                response.sendError(404);
            }
            return;
        }
        if (request.getPathInfo() == null) {
            // /ui without its slash: the pages' relative paths need /ui/
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        Optional<StaticFiles.Asset> asset = StaticFiles.resolve(request.getPathInfo());
        URL resource = asset.map(found -> UiServlet.class.getClassLoader().getResource(found.resource())).orElse(null);
        if (resource == null) {
            response.sendError(404);
            return;
        }
        response.setStatus(200);
        response.setContentType(asset.get().mediaType());
        try (InputStream in = resource.openStream()) {
            byte[] body = in.readAllBytes();
            response.setContentLength(body.length);
            if ("GET".equals(method)) {
                response.getOutputStream().write(body);
            }
        }
    }
}
