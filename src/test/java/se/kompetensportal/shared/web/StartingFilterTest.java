package se.kompetensportal.shared.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While the start-up runners (the demo data) run, the portal is alive but not ready: {@code /actuator/health} says UP,
 * {@code /actuator/health/readiness} OUT_OF_SERVICE, and every page is answered 503 "the portal is starting" with
 * Retry-After, in Swedish or English; once ready, pages are served.
 */
class StartingFilterTest extends PortalIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void healthIsUpWhileReadinessRefusesTraffic() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void pagesAreAnsweredStartingUntilReadyThenServed() throws Exception {
        AtomicReference<ReadinessState> readiness = new AtomicReference<>(ReadinessState.REFUSING_TRAFFIC);
        StartingFilter filter = new StartingFilter(providerOf(new Availability(readiness)), 5,
                context.getBeanProvider(ThymeleafViewResolver.class), context.getBeanProvider(LocaleResolver.class));

        MockHttpServletResponse swedish = run(filter, "/activities", null);
        assertThat(swedish.getStatus()).isEqualTo(503);
        assertThat(swedish.getHeader("Retry-After")).isEqualTo("5");
        assertThat(swedish.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(swedish.getContentAsString()).contains("Portalen startar").contains("<html lang=\"sv\"");
        MockHttpServletResponse english = run(filter, "/", "en");
        assertThat(english.getStatus()).isEqualTo(503);
        assertThat(english.getContentAsString()).contains("The portal is starting").contains("<html lang=\"en\"");
        assertThat(run(filter, "/actuator/health/readiness", null).getStatus()).isEqualTo(200);
        // The starting page's own stylesheets are served, so it is shown as every other page.
        assertThat(run(filter, "/css/app.css", null).getStatus()).isEqualTo(200);
        assertThat(run(filter, "/webjars/bootstrap/css/bootstrap.min.css", null).getStatus()).isEqualTo(200);

        readiness.set(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(run(filter, "/activities", null).getStatus()).isEqualTo(200);
        // Once ready, a later refusal (the context closing) is the web server's graceful shutdown, not a start.
        readiness.set(ReadinessState.REFUSING_TRAFFIC);
        assertThat(run(filter, "/activities", null).getStatus()).isEqualTo(200);
    }

    /** The filter's answer; 200 with an empty body when it passed the request on. */
    private static MockHttpServletResponse run(StartingFilter filter, String path, String lang) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (lang != null) {
            request.setParameter("lang", lang);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            assertThat(response.getContentAsString()).isEmpty();
        }
        return response;
    }

    private org.springframework.beans.factory.ObjectProvider<ApplicationAvailability> providerOf(
            ApplicationAvailability availability) {
        org.springframework.context.support.StaticApplicationContext holder =
                new org.springframework.context.support.StaticApplicationContext();
        holder.getBeanFactory().registerSingleton("availability", availability);
        return holder.getBeanProvider(ApplicationAvailability.class);
    }

    private record Availability(AtomicReference<ReadinessState> readiness) implements ApplicationAvailability {

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type == ReadinessState.class ? type.cast(readiness.get()) : defaultState;
        }

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return getState(type, null);
        }

        @Override
        public <S extends AvailabilityState> AvailabilityChangeEvent<S> getLastChangeEvent(Class<S> type) {
            return null;
        }

        @Override
        public LivenessState getLivenessState() {
            return LivenessState.CORRECT;
        }
    }
}
