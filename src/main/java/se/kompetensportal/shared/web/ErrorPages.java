package se.kompetensportal.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the exceptions that have a meaning for the user into their pages. Not-found and type errors are handled by
 * Spring (404/400 through the error templates); everything unexpected becomes the 500 page without a stack trace.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler({ConcurrentEditException.class, OptimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException e, HttpServletResponse response) {
        log.info("Concurrent edit: {}", e.getMessage());
        ModelAndView view = new ModelAndView("error/409");
        view.setStatus(HttpStatus.CONFLICT);
        return view;
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView businessRule(BusinessRuleException e) {
        ModelAndView view = new ModelAndView("error/422");
        view.addObject("messageKey", e.messageKey());
        view.addObject("messageArguments", e.arguments());
        view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return view;
    }
}
