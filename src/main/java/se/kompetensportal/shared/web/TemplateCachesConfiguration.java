package se.kompetensportal.shared.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;

/**
 * Thymeleaf's caches sized for the portal's templates. Its defaults keep 200 parsed templates and 500 parsed
 * expressions; the portal has about 220 templates (pages, fragments, mails, PDFs) and about 4 500 different
 * expressions. Beyond the cache, every miss parses the expression again and, with the SpEL compiler on, generates and
 * loads a new class: a soak of every role's pages loaded some 30 classes a second, and the class metadata grew from
 * 145 to 170 MB until a full collection unloaded them (docs/benchmarks.md, issue 13). Kept whole, each expression is
 * parsed and compiled once.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCachesConfiguration {

    /** Parsed templates kept: every template of the portal, with room to grow. */
    static final int TEMPLATES = 400;
    /** Parsed expressions kept (standard and SpEL ones share the cache): the templates' expressions, with room. */
    static final int EXPRESSIONS = 12_000;

    @Bean
    static BeanPostProcessor templateCaches() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof TemplateEngine engine) {
                    engine.setCacheManager(cacheManager());
                }
                return bean;
            }
        };
    }

    static StandardCacheManager cacheManager() {
        StandardCacheManager caches = new StandardCacheManager();
        caches.setTemplateCacheInitialSize(TEMPLATES / 2);
        caches.setTemplateCacheMaxSize(TEMPLATES);
        caches.setExpressionCacheInitialSize(EXPRESSIONS / 4);
        caches.setExpressionCacheMaxSize(EXPRESSIONS);
        return caches;
    }
}
