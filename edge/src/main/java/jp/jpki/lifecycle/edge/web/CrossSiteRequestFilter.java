package jp.jpki.lifecycle.edge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery protection for an API that browsers can reach with credentials they remember
 * (HTTP Basic in the demo, the dashboard's session of the browser). A state-changing request is refused when
 * <ul>
 *   <li>the browser says it comes from another site ({@code Sec-Fetch-Site} other than same-origin or none), or</li>
 *   <li>its {@code Origin} is not this service's own origin nor one of {@code jpki.security.allowed-origins}, or</li>
 *   <li>it carries a content type an HTML form or a no-CORS {@code fetch} can send without asking
 *       ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}), body or not.</li>
 * </ul>
 * Every current browser sends {@code Origin} with a POST, so a body-less POST from a page elsewhere is refused by
 * the second rule and a form of any age by the third. Tools such as curl send neither header and are unaffected;
 * no endpoint of ours accepts a form, so the third rule costs no legitimate client anything.
 */
public final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final Set<String> allowedOrigins;

    public CrossSiteRequestFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(CorrelationIdFilter.REASON, refusal);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"title\":\"Cross-site request refused\",\"status\":403,\"detail\":\"" + refusal
                + "; send JSON from this service's own pages or from a client that is not a browser\"}");
    }

    private String refusal(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return "the browser marked this request as " + fetchSite.toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !isOwnOrAllowed(origin, request)) {
            return "state-changing requests from another origin are not accepted";
        }
        String contentType = request.getContentType();
        if (contentType != null && FORM_TYPES.contains(baseType(contentType))) {
            return "form content types are not accepted";
        }
        return null;
    }

    private boolean isOwnOrAllowed(String origin, HttpServletRequest request) {
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            // the request's own scheme, host and port: behind a proxy, as forwarded (server.forward-headers-strategy)
            URI uri = URI.create(origin);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort() && request.getScheme().equalsIgnoreCase(uri.getScheme());
        } catch (IllegalArgumentException e) {
            return false; // "null" and other opaque origins are no origin of ours
        }
    }

    private static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
