package jp.jpki.lifecycle.query.revocation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OCSP over GET (RFC 6960 appendix A.1): {@code GET /pki/{ca}/ocsp/{url-encoding of base64 of the DER request}}.
 * The base64 holds '/', which clients send encoded as {@code %2F} or not at all, so the request is read from the raw
 * path here, ahead of the web stack (which, rightly, turns encoded slashes away elsewhere). OCSP is public; what
 * cannot be read as a request gets {@code malformedRequest}, like a POST.
 */
class OcspGetFilter extends OncePerRequestFilter {

    private static final Pattern PATH = Pattern.compile("/pki/(sign|auth)/ocsp/(.+)", Pattern.CASE_INSENSITIVE);

    private final OcspResponder ocsp;

    OcspGetFilter(OcspResponder ocsp) {
        this.ocsp = ocsp;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !PATH.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = PATH.matcher(path(request));
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        CertificateKind kind = matcher.group(1).toLowerCase(Locale.ROOT).equals("sign") ? CertificateKind.SIGN : CertificateKind.AUTH;
        byte[] answer = ocsp.respond(kind, decode(matcher.group(2)));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PkiController.OCSP_RESPONSE.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** Percent-decoding as in a path ('+' is a '+'), then base64 in either alphabet; nothing readable gives no bytes. */
    static byte[] decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                try {
                    bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                    i += 2;
                    continue;
                } catch (IllegalArgumentException notHex) {
                    return new byte[0];
                }
            }
            bytes.write(c);
        }
        String base64 = bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            return base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
