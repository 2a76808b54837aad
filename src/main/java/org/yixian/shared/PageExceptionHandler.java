package org.yixian.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as pages: not found, refused, conflicting.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, "error.notFoundPage", null);
	}

	@ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
	ModelAndView lockConflict(org.springframework.dao.PessimisticLockingFailureException ex) {
		return page(HttpStatus.CONFLICT, "error.concurrentUpdate", null);
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex) {
		return page(HttpStatus.FORBIDDEN, "error.forbidden", null);
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT, ex.messageKey(), null);
	}

	@ExceptionHandler(RateLimitedException.class)
	ModelAndView rateLimited(RateLimitedException ex) {
		return page(HttpStatus.TOO_MANY_REQUESTS, "error.rateLimited", null);
	}

	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException ex) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", null);
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, "error.validation", null);
	}

	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ModelAndView databaseUnavailable(RuntimeException ex) {
		return page(HttpStatus.SERVICE_UNAVAILABLE, "error.databaseUnavailable", null);
	}

	private static ModelAndView page(HttpStatus status, String messageKey, Object argument) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("messageKey", messageKey);
		view.addObject("messageArg", argument);
		return view;
	}

}
