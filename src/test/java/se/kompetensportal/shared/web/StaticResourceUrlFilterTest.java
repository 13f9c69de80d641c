package se.kompetensportal.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/** Static links get their versioned form, resolved once per link; other links are left alone and never resolved. */
class StaticResourceUrlFilterTest {

    @Test
    void aStaticLinkIsResolvedOnceAndOtherLinksNever() {
        List<String> resolved = new ArrayList<>();
        ResourceHttpRequestHandler webjars = new ResourceHttpRequestHandler();
        webjars.setResourceResolvers(List.of(new ResourceResolver() {
            @Override
            public Resource resolveResource(HttpServletRequest request, String path,
                    List<? extends Resource> locations, ResourceResolverChain chain) {
                return null;
            }

            @Override
            public String resolveUrlPath(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
                resolved.add(path);
                return path.replace("bootstrap/", "bootstrap/5.3.8/");
            }
        }));
        ResourceUrlProvider provider = new ResourceUrlProvider();
        provider.setHandlerMap(Map.of("/webjars/**", webjars));
        StaticResourceUrlFilter filter = new StaticResourceUrlFilter();

        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/activities");
            request.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
            assertThat(filter.versioned(request, "/webjars/bootstrap/css/bootstrap.min.css"))
                    .isEqualTo("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
            assertThat(filter.versioned(request, "/activities/archive")).isEqualTo("/activities/archive");
        }
        assertThat(resolved).containsExactly("bootstrap/css/bootstrap.min.css");
    }
}
