package se.kompetensportal.activities.web;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import se.kompetensportal.activities.domain.ActivityChanges;
import se.kompetensportal.shared.web.PublicPageCache;

/**
 * The public catalogue, its archive, the print view and the activity pages are kept rendered for anonymous visitors
 * while activities are unchanged, for at most {@code kp.catalogue.cache-seconds} (30; 0 switches caching off). This is
 * what keeps the catalogue fast under load (docs/benchmarks.md). Each page is kept per the parameters it uses; any
 * other parameter is redirected away. The filter runs before Spring Security, for requests without a session cookie
 * only (which cannot be signed in), after the session repository filter and the input filters.
 */
@Configuration(proxyBeanMethods = false)
class CataloguePageCacheConfiguration {

    private static final Pattern LISTING = Pattern.compile("/activities(/archive)?");
    private static final Pattern ACTIVITY = Pattern.compile("/activities/\\d+(-[a-z0-9-]*)?");
    private static final Set<String> FILTERS = Set.of("q", "project", "track", "targetGroup", "kind", "place", "month",
            "page");
    private static final Set<String> PRINT = Set.of("project", "from", "to");

    @Bean
    FilterRegistrationBean<PublicPageCache> cataloguePageCache(ObjectProvider<ActivityChanges> changes,
            LocaleResolver locales, @Value("${kp.catalogue.cache-seconds:30}") int seconds,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        // Filters are made while the web server starts, before JPA: the counter is looked up at the first request.
        PublicPageCache cache = new PublicPageCache(CataloguePageCacheConfiguration::parametersOf,
                () -> changes.getObject().current(), Duration.ofSeconds(seconds), 500, locales, sessionCookie);
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.addUrlPatterns("/activities", "/activities/*");
        registration.setName("cataloguePageCache");
        // Right after the session repository filter (and the input filters), before Spring Security: see PublicPageCache.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 100);
        return registration;
    }

    /** The parameters a public catalogue page uses, or {@code null} for an address that is not kept. */
    static Set<String> parametersOf(String path) {
        if (LISTING.matcher(path).matches()) {
            return FILTERS;
        }
        if (path.equals("/activities/print")) {
            return PRINT;
        }
        return ACTIVITY.matcher(path).matches() ? Set.of() : null;
    }
}
