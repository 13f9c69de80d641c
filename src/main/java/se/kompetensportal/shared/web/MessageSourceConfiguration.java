package se.kompetensportal.shared.web;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The texts of every page and mail: the bundles named in {@code spring.messages.basename} (one per module), merged per
 * language once and kept, so that a text is one look-up. Spring Boot's default source asks each bundle in turn (up to
 * sixteen look-ups for a module's text), which was a measurable part of a fresh catalogue page (docs/benchmarks.md,
 * issue 13). Same precedence as before: the first bundle that has a key wins, the language's file before the
 * Swedish base file; UTF-8; no fallback to the machine's locale.
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(Arrays.stream(basenames).map(String::trim).map(b -> "classpath:" + b).toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Kept for good (the default): a text is then read from the language's merged bundles.
        source.setCacheMillis(-1);
        return source;
    }
}
