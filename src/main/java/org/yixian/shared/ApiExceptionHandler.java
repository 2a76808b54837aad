package org.yixian.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error model of the REST API: {@code application/problem+json} with a stable
 * {@code code}, field errors named, never a stack trace or SQL text.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", this.messages.getMessage(error, locale)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors
				.add(Map.of("field", error.getObjectName(), "message", this.messages.getMessage(error, locale))));
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", text("error.validation"), errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of("field", result.getMethodParameter().getParameterName(),
						"message", this.messages.getMessage(error, locale)))));
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", text("error.validation"), errors);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", text("error.validation"),
				translate(ex.errors()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = fieldOf(ex);
		if (field != null) {
			return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("error.malformed"),
					List.of(Map.of("field", field, "message", text("typeMismatch"))));
		}
		return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("error.malformed"), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("error.malformed"),
				List.of(Map.of("field", ex.getName(), "message", text("typeMismatch"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("error.malformed"),
				List.of(Map.of("field", ex.getParameterName(), "message", text("NotNull"))));
	}

	@ExceptionHandler({ org.springframework.web.multipart.MultipartException.class,
			org.springframework.web.multipart.support.MissingServletRequestPartException.class })
	ResponseEntity<ProblemDetail> brokenMultipart(Exception ex) {
		String part = (ex instanceof org.springframework.web.multipart.support.MissingServletRequestPartException missing)
				? missing.getRequestPartName() : "file";
		return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("error.malformed"),
				List.of(Map.of("field", part, "message", text("typeMismatch"))));
	}

	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", text("error.databaseUnavailable"),
				List.of());
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("error.malformed"),
				List.of(Map.of("field", ex.getHeaderName(), "message", text("NotNull"))));
	}

	/**
	 * Two requests that lock the same rows in opposite orders: PostgreSQL aborts one; it
	 * changed nothing and may be sent again.
	 */
	@ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lockConflict(org.springframework.dao.PessimisticLockingFailureException ex) {
		log.info("Lock conflict, answered 409: {}", ex.getMessage());
		return problem(HttpStatus.CONFLICT, "CONCURRENT_UPDATE", text("error.concurrentUpdate"), List.of());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", text("error.notFound", ex.what()), List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", text("error.notFound", ex.getResourcePath()), List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.code(), text(ex.messageKey()), translate(ex.errors()));
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ResponseEntity<ProblemDetail> forbidden(RuntimeException ex) {
		return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", text("error.forbidden"), List.of());
	}

	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				text("error.rateLimited"), List.of());
		return ResponseEntity.status(response.getStatusCode())
			.header("Retry-After", Long.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(response.getBody());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", text("error.method"), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", text("error.mediaType"), List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", text("error.internal"), List.of());
	}

	private List<Map<String, String>> translate(List<FieldMessage> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		return errors.stream()
			.map((e) -> Map.of("field", e.field(), "message",
					this.messages.getMessage(e.key(), e.args().toArray(), e.key(), locale)))
			.toList();
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference ref : jackson.getPath()) {
					if (ref.getPropertyName() != null) {
						path.append((path.length() > 0) ? "." : "").append(ref.getPropertyName());
					}
					else if (ref.getIndex() >= 0) {
						path.append('[').append(ref.getIndex()).append(']');
					}
				}
				return (path.length() > 0) ? path.toString() : null;
			}
			cause = cause.getCause();
		}
		return null;
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("https://yixian.org/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		body.setProperty("code", code);
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
