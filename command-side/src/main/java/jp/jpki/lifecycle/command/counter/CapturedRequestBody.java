package jp.jpki.lifecycle.command.counter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps the bytes of a counter request's body, as the client sent them, for its {@link RequestFingerprint}: the
 * fingerprint is taken over what was sent, not over what this version of the API happened to read from it. The
 * body is already bounded by the request size limit.
 */
@ControllerAdvice(assignableTypes = CounterCommandController.class)
class CapturedRequestBody extends RequestBodyAdviceAdapter {

    private static final String ATTRIBUTE = CapturedRequestBody.class.getName();

    /** The current request's fingerprint: its method, path and the body it was sent with (none for a bodiless POST). */
    static RequestFingerprint fingerprint() {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        Object body = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        HttpServletRequest request = attributes.getRequest();
        return RequestFingerprint.of(request.getMethod(), request.getRequestURI(), body instanceof byte[] bytes ? bytes : new byte[0]);
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, body, RequestAttributes.SCOPE_REQUEST);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
