package jp.jpki.lifecycle.edge.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any filter or controller sees them (an encoded slash or a NUL in the
 * path, a malformed URI) and would answer with its HTML error page. This valve gives those answers the same
 * problem+json shape as every other refusal, and never a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"title\":\"" + (status < 500 ? "Invalid request" : "Server error") + "\",\"status\":" + status
                        + ",\"detail\":\"the server could not process this request as sent\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already committed: nothing more can be said to the client
        }
    }
}
