package se.kompetensportal.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Language, validation status and time for the whole portal. Swedish is the default language; English is chosen with
 * the visible language switch ({@code ?lang=en}) and remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale SWEDISH = Locale.of("sv");
    static final Set<String> LANGUAGES = Set.of("sv", "en");
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("kp-lang");
        resolver.setDefaultLocale(SWEDISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Runs after the character-encoding filter and before security, which would otherwise be first to read the body. */
    @Bean
    FilterRegistrationBean<UnreadableUploadFilter> unreadableUploadFilter() {
        FilterRegistrationBean<UnreadableUploadFilter> registration = new FilterRegistrationBean<>(
                new UnreadableUploadFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** Links to static resources get their version; other links are left alone (see {@link StaticResourceUrlFilter}). */
    @Bean
    FilterRegistrationBean<StaticResourceUrlFilter> staticResourceUrlFilter() {
        return new FilterRegistrationBean<>(new StaticResourceUrlFilter());
    }

    /** Spring's own link-rewriting filter is switched off: {@link StaticResourceUrlFilter} does its work for less. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff(
            ObjectProvider<ResourceUrlEncodingFilter> filter) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(filter.getIfAvailable(ResourceUrlEncodingFilter::new));
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitchInterceptor());
        registry.addInterceptor(new ValidationStatusInterceptor());
    }

    /** Switches the language for {@code ?lang=sv|en}; ignores any other value. */
    static final class LanguageSwitchInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null && LANGUAGES.contains(lang)) {
                LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, Locale.of(lang));
                }
            }
            return true;
        }
    }
}
