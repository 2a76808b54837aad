package org.yixian.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page address whose record number is not a number ({@code /cases/abc}) is a page that
 * does not exist, and a query value that cannot be read is a bad request naming the
 * parameter, both shown as pages — ahead of the framework's problem-detail handler, and
 * after the API's own handler, which answers APIs in JSON.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PagePathExceptionHandler {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badPathValue(MethodArgumentTypeMismatchException ex) {
		boolean path = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		HttpStatus status = path ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		ModelAndView view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("messageKey", path ? "error.notFoundPage" : "error.badParameter");
		view.addObject("messageArg", ex.getName());
		return view;
	}

}
