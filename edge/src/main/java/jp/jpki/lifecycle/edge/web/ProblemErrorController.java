package jp.jpki.lifecycle.edge.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page as a problem, in place of Spring Boot's: its status is the one of the failed request, its text
 * never a message or a type of the exception behind it. Asked for directly, {@code /error} is a page like any
 * unknown one: 404, not the 500 Spring Boot answers for a request that did not fail.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        ProblemDetail problem;
        if (status == null || request.getDispatcherType() != DispatcherType.ERROR) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "there is nothing at this address");
            problem.setTitle("Not found");
        } else if (status.is5xxServerError()) {
            problem = ProblemDetail.forStatusAndDetail(status, "the server could not complete this request");
            problem.setTitle("Server error");
        } else {
            problem = ProblemDetail.forStatusAndDetail(status, "the request was refused");
            problem.setTitle(status.getReasonPhrase());
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
