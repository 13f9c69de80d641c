package se.kompetensportal.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * How the portal reads what users send and answers with redirects, once for every endpoint: redirects name only the
 * portal's own address ({@link BaseUrlRedirectFilter}); control characters are kept out
 * ({@link ControlCharacterFilter}), every form is bound by {@link FormDataBinder}, amounts accept a decimal comma and
 * spaces between thousands, and a page number above {@value #MAX_PAGE} is a bad request (400), not a database error
 * (a negative one means the first page).
 */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    /** The highest page number any list accepts: far beyond any real list, low enough that offsets never overflow. */
    static final int MAX_PAGE = 100_000;

    /** After the upload filter (which must read a broken multipart body first) and well before security. */
    @Bean
    FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter() {
        FilterRegistrationBean<ControlCharacterFilter> registration = new FilterRegistrationBean<>(
                new ControlCharacterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
        return registration;
    }

    /** Early, so that every redirect, Spring Security's included, passes through it. */
    @Bean
    FilterRegistrationBean<BaseUrlRedirectFilter> baseUrlRedirectFilter(PortalProperties portal) {
        FilterRegistrationBean<BaseUrlRedirectFilter> registration = new FilterRegistrationBean<>(
                new BaseUrlRedirectFilter(portal));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 120);
        return registration;
    }

    @Bean
    WebMvcRegistrations formDataBinding() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new FormBindingHandlerAdapter();
            }
        };
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new DecimalFormatter());
    }

    /** Creates {@link FormDataBinder}s instead of Spring's own binder. */
    static final class FormBindingHandlerAdapter extends RequestMappingHandlerAdapter {
        @Override
        protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
            WebBindingInitializer initializer = getWebBindingInitializer();
            return new ServletRequestDataBinderFactory(binderMethods, initializer) {
                @Override
                protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
                        NativeWebRequest request) {
                    return new FormDataBinder(target, objectName);
                }
            };
        }
    }

    /**
     * Decimal numbers as people write them: {@code 1000,50}, {@code 1 000,50} and {@code 1000.50} are the same amount.
     * Printed plainly with a point, as number inputs need.
     */
    static final class DecimalFormatter implements Formatter<BigDecimal> {

        @Override
        public BigDecimal parse(String text, Locale locale) throws ParseException {
            String compact = text.strip().replaceAll("[\\s\u00a0\u202f']", "").replace('\u2212', '-');
            if (compact.isEmpty()) {
                return null;
            }
            if (compact.indexOf(',') >= 0 && compact.indexOf('.') < 0 && compact.indexOf(',') == compact.lastIndexOf(',')) {
                compact = compact.replace(',', '.');
            }
            if (!compact.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new ParseException(text, 0);
            }
            return new BigDecimal(compact);
        }

        @Override
        public String print(BigDecimal value, Locale locale) {
            return value.toPlainString();
        }
    }

    /** Page numbers beyond any list are refused before they reach a query; a negative one is the first page. */
    @ControllerAdvice
    static class PageNumberAdvice {

        @InitBinder("page")
        void pageNumbers(WebDataBinder binder) {
            binder.registerCustomEditor(int.class, new PageNumberEditor());
            binder.registerCustomEditor(Integer.class, new PageNumberEditor());
        }
    }

    static final class PageNumberEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            int page = Integer.parseInt(text.strip());
            if (page > MAX_PAGE) {
                throw new IllegalArgumentException("Page number out of range: " + page);
            }
            setValue(Math.max(page, 0));
        }
    }
}
