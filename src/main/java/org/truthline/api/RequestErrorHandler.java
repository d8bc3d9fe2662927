package org.truthline.api;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * JSON errors for failures that Spring MVC raises before a Truthline controller is chosen (a multipart body
 * without a boundary, a wrong method or content type) and for engine conflicts that reach a controller. {@link
 * ApiExceptionHandler} applies to Truthline's controllers only, so without this class these requests got a bare
 * 500 or an error page without a message.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestErrorHandler.class);

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(MultipartException e) {
        log.info("Rejected a multipart request: {}", e.getMessage());
        String message = "The request body is not valid multipart/form-data (" + e.getMostSpecificCause().getMessage()
                + "); send the files as multipart/form-data with a boundary, or send no multipart Content-Type to"
                + " endpoints that take none.";
        return ApiExceptionHandler.error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null ? "see docs/api.md"
                : e.getSupportedHttpMethods().toString();
        String message = "Method " + e.getMethod() + " is not supported here; use " + allowed + ".";
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header("Allow", e.getSupportedMethods() == null ? "" : String.join(", ", e.getSupportedMethods()))
                .body(ApiExceptionHandler.error(HttpStatus.METHOD_NOT_ALLOWED, message).getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return ApiExceptionHandler.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType()
                + " is not accepted here; send " + e.getSupportedMediaTypes() + ".");
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Map<String, Object>> engineConflict(OptimisticLockingException e) {
        log.info("Concurrent change rejected by the process engine: {}", e.getMessage());
        return ApiExceptionHandler.error(HttpStatus.CONFLICT, "Another request changed the same task or process at "
                + "the same time; reload and try again.");
    }
}
