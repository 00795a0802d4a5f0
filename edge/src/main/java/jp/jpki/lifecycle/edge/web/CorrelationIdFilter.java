package jp.jpki.lifecycle.edge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets a correlation id: the caller's {@value #HEADER} if it is a plain token, a new one otherwise.
 * It is in the MDC for every log line written while the request is handled, and returned in the response, so a
 * clerk's screenshot of a refusal leads to its log lines. Every refusal (any 4xx) is logged here once, with
 * method, path and status; the query string is left out, since lookups carry resident references in it.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Why the front door refused, when it knows better than the status (set by the refusing component). */
    public static final String REASON = CorrelationIdFilter.class.getName() + ".reason";

    private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status >= 400 && status < 500) {
                Object reason = request.getAttribute(REASON);
                log.info("refused {} {} {}{} [correlation id {}]", status, request.getMethod(), request.getRequestURI(),
                        reason == null ? "" : ": " + reason, id);
            }
            MDC.remove(MDC_KEY);
        }
    }

    /** Error dispatches run in the original request's MDC scope; they are not requests of their own. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
