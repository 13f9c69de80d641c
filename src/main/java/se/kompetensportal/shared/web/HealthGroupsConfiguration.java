package se.kompetensportal.shared.web;

import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /actuator/health} says: the portal is alive (liveness) and its database answers, but not whether it is
 * ready to serve pages. Readiness is {@code /actuator/health/readiness} alone: OUT_OF_SERVICE (503) until the start-up
 * runners (the first administrator, the demo data) have run, during which {@link StartingFilter} answers pages 503.
 * Boot puts the readiness state in the root health too, which made the portal look unhealthy for as long as the demo
 * data took to load. A load balancer or a {@code depends_on: service_healthy} (docker-compose.yml) asks readiness; a
 * restart policy asks liveness ({@code /actuator/health/liveness}) or the root.
 */
@Configuration(proxyBeanMethods = false)
class HealthGroupsConfiguration {

    static final String READINESS = "readinessState";

    @Bean
    HealthEndpointGroupsPostProcessor rootHealthWithoutReadiness() {
        return groups -> HealthEndpointGroups.of(new WithoutReadiness(groups.getPrimary()),
                groups.getNames().stream().collect(Collectors.toMap(Function.identity(), groups::get)));
    }

    /** The root group, less the readiness state. */
    private record WithoutReadiness(HealthEndpointGroup group) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return !READINESS.equals(name) && group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return group.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return group.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return group.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return group.getAdditionalPath();
        }
    }
}
