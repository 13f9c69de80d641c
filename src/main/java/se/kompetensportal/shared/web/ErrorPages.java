package se.kompetensportal.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns the exceptions that have a meaning for the user into their pages. Not-found and type errors are handled by
 * Spring (404/400 through the error templates); everything unexpected becomes the 500 page without a stack trace.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final DataSize maxFileSize;

    ErrorPages(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

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

    /**
     * An upload above the size limit is refused before any controller sees it: answered with 413 and a page that says
     * what the limit is, with a link back to the form the file came from.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        log.info("Upload too large on {}: {}", request.getRequestURI(), e.getMessage());
        ModelAndView view = new ModelAndView("error/413");
        view.addObject("maxMegabytes", maxFileSize.toMegabytes());
        view.addObject("backUrl", localReferer(request.getHeader("Referer")));
        view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return view;
    }

    /** An upload the server could not read for another reason than its size (a broken or cut-off request). */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadableUpload(MultipartException e, HttpServletRequest request) {
        log.info("Unreadable upload on {}: {}", request.getRequestURI(), e.getMessage());
        ModelAndView view = new ModelAndView("error/400");
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }

    /** The path of the page that sent the request, if it is a page of this portal. */
    static String localReferer(String referer) {
        if (referer == null || referer.length() > 500) {
            return null;
        }
        try {
            var uri = UriComponentsBuilder.fromUriString(referer).build();
            String path = uri.getPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
