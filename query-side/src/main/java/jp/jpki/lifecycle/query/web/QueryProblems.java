package jp.jpki.lifecycle.query.web;

import java.net.URI;
import jp.jpki.lifecycle.api.refusal.RefusalDetails;
import org.axonframework.queryhandling.QueryExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the query controllers: our own refusals ({@link Problems}), Spring's own
 * (missing or unparsable parameters), and refusals of query handlers on other nodes, which arrive as
 * {@link RefusalDetails}. Limited to this module so it never answers for another module's API.
 */
@RestControllerAdvice(basePackages = "jp.jpki.lifecycle.query")
class QueryProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(QueryExecutionException.class)
    ProblemDetail refusedOnTheBus(QueryExecutionException e) {
        RefusalDetails refusal = e.getDetails().filter(RefusalDetails.class::isInstance).map(RefusalDetails.class::cast)
                .orElseThrow(() -> e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.kind().httpStatus()), refusal.message());
        if (refusal.ruleId() != null) {
            problem.setTitle("Refused by rule " + refusal.ruleId());
            problem.setType(URI.create("urn:jpki:rule:" + refusal.ruleId()));
            problem.setProperty("ruleId", refusal.ruleId());
        }
        refusal.facts().forEach(problem::setProperty);
        return problem;
    }
}
