package se.kompetensportal.activities.web;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import se.kompetensportal.activities.domain.ActivityChanges;
import se.kompetensportal.shared.web.PublicPageCache;

/**
 * The public catalogue, its archive, the print view and the activity pages are kept rendered for anonymous visitors
 * while activities are unchanged, for at most {@code kp.catalogue.cache-seconds} (30; 0 switches caching off). This is
 * what keeps the catalogue fast under load (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class CataloguePageCacheConfiguration {

    private static final Pattern CACHED = Pattern.compile("/activities(/archive|/print|/\\d+(-[a-z0-9-]*)?)?");

    @Bean
    FilterRegistrationBean<PublicPageCache> cataloguePageCache(ObjectProvider<ActivityChanges> changes,
            LocaleResolver locales, @Value("${kp.catalogue.cache-seconds:30}") int seconds) {
        // Filters are made while the web server starts, before JPA: the counter is looked up at the first request.
        PublicPageCache cache = new PublicPageCache(CataloguePageCacheConfiguration::isCatalogue,
                () -> changes.getObject().current(), Duration.ofSeconds(seconds), 500, locales);
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.addUrlPatterns("/activities", "/activities/*");
        registration.setName("cataloguePageCache");
        return registration;
    }

    static boolean isCatalogue(HttpServletRequest request) {
        return CACHED.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }
}
