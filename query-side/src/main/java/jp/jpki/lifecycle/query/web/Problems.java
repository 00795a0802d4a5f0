package jp.jpki.lifecycle.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refusals of the query API; {@link QueryProblems} renders them as {@code application/problem+json}. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid query", detail);
    }

    public static ErrorResponseException notFound(String title, String detail) {
        return problem(HttpStatus.NOT_FOUND, title, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
