package se.kompetensportal.shared.web;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links for the pagination fragment: the current page's address with only the {@code page} parameter changed, so
 * filters and search terms are kept. Used in templates as {@code @pageLinks}.
 */
@Component("pageLinks")
public class PageLinks {

    /** Relative link to the given (zero-based) page of the current listing. */
    public String to(int page) {
        return currentWith("page", page);
    }

    /**
     * The current request's path and query, relative (no scheme or host), with one query parameter set: what
     * {@code ServletUriComponentsBuilder.fromCurrentRequest()} gives without building the whole URL first.
     */
    static String currentWith(String parameter, Object value) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        return UriComponentsBuilder.newInstance()
                .replacePath(request.getRequestURI())
                .replaceQuery(request.getQueryString())
                .replaceQueryParam(parameter, value)
                .build()
                .toUriString();
    }

    /** The page numbers to offer: the first, the last, and two either side of the current one. */
    public List<Integer> window(int current, int total) {
        return IntStream.range(0, total)
                .filter(p -> p == 0 || p == total - 1 || Math.abs(p - current) <= 2)
                .boxed().toList();
    }
}
