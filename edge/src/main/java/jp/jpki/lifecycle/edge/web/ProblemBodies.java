package jp.jpki.lifecycle.edge.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Problems say what was wrong with the request in the caller's terms, never in the server's: no Java type,
 * package or parser internals. {@link #unreadable} words a body the JSON reader refused; every problem any
 * module answers passes {@link #withoutInternals} on its way out, so a message taken over from a library
 * cannot leak them either.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemBodies implements ResponseBodyAdvice<Object> {

    /** Fully qualified names ({@code java.time.LocalDate}, {@code jp.jpki...Kind$Inner}), with their backticks. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*(?:\\[])?`?");
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\s*\\(through reference chain:[^)]*\\)");

    public static String withoutInternals(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = REFERENCE_CHAIN.matcher(text).replaceAll("");
        return QUALIFIED_NAME.matcher(cleaned).replaceAll("the expected type");
    }

    /** What a client needs to fix an unreadable body: where the JSON is broken, or which field has a bad value. */
    public static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return "the body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "the value of '" + field + "' has the wrong type or format";
        }
        return "the body is missing or is not JSON of the expected shape";
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(withoutInternals(problem.getDetail()));
            problem.setTitle(withoutInternals(problem.getTitle()));
        }
        return body;
    }
}
