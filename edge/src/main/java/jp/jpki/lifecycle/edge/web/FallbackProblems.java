package jp.jpki.lifecycle.edge.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for what goes wrong before any controller is chosen: an unsupported media type,
 * a method a path does not allow, a path that does not exist. The controllers' own advice answers first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class FallbackProblems extends ResponseEntityExceptionHandler {
}
