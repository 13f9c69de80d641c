package se.kompetensportal.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's template engine keeps every template and every expression its templates hold, parsed: a template or an
 * expression pushed out of Thymeleaf's cache is parsed again on its next use, and with the SpEL compiler a new class is
 * generated for it each time (TemplateCachesConfiguration). Fails when the templates outgrow the caches.
 */
class TemplateCachesTest extends PortalIntegrationTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$*#@~]\\{[^}]*}");

    @Autowired
    TemplateEngine engine;

    @Test
    void theCachesHoldEveryTemplateAndEveryExpression() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        Set<String> expressions = new HashSet<>();
        for (Resource template : templates) {
            Matcher m = EXPRESSION.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                expressions.add(m.group());
            }
        }
        assertThat(templates).hasSizeGreaterThan(100);

        StandardCacheManager caches = (StandardCacheManager) engine.getCacheManager();
        assertThat(caches.getTemplateCacheMaxSize()).isGreaterThanOrEqualTo(templates.length);
        // A variable expression is kept twice: as Thymeleaf's expression and as the SpEL one inside it.
        assertThat(caches.getExpressionCacheMaxSize()).isGreaterThanOrEqualTo(2 * expressions.size());
    }
}
