package org.casebridge.support.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a {@link ProblemException} with its problem body. */
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<ProblemDetail>> {

    @Override
    public HttpResponse<ProblemDetail> handle(HttpRequest request, ProblemException exception) {
        ProblemDetail body = new ProblemDetail(
                "about:blank",
                exception.status().getReason(),
                exception.status().getCode(),
                exception.getMessage(),
                request.getPath(),
                exception.code(),
                exception.fieldErrors());
        return HttpResponse.<ProblemDetail>status(exception.status())
                .contentType(ProblemDetail.MEDIA_TYPE)
                .body(body);
    }
}
