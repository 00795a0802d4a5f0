package jp.jpki.lifecycle.query.web;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the query controllers: our own refusals ({@link Problems}) and Spring's own
 * (missing or unparsable parameters). Limited to this module so it never answers for another module's API.
 */
@RestControllerAdvice(basePackages = "jp.jpki.lifecycle.query")
class QueryProblems extends ResponseEntityExceptionHandler {
}
