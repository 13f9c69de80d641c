package se.kompetensportal.accounts.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * Web sessions live in PostgreSQL (Spring Session JDBC, tables from the Flyway migration {@code V10}), so any instance
 * of the portal serves any signed-in user and a restart signs nobody out. The session cookie is {@code Secure}
 * whenever the request came over HTTPS (directly or, with forwarded headers, through a proxy) and always when the
 * portal's address ({@code kp.base-url}) is an {@code https} one.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration implements BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Attributes are written with one upsert instead of insert-then-update. */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionRepositoryCustomizer() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    DefaultCookieSerializerCustomizer sessionCookieCustomizer(PortalProperties portal) {
        return serializer -> {
            if (portal.baseUrl().startsWith("https://")) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    /**
     * Java serialisation, as Spring Session's default, except that an attribute that can no longer be read (its class
     * changed in a new release while the session was stored) is dropped instead of failing every request of that
     * session: the user is asked to sign in again. Only Spring Session asks for it by name (not a default candidate,
     * so it never stands in for the web conversion service).
     */
    @Bean(defaultCandidate = false)
    ConversionService springSessionConversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializer = new DeserializingConverter(classLoader);
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (RuntimeException unreadable) {
                log.info("A stored session attribute could not be read and is ignored: {}", unreadable.getMessage());
                return null;
            }
        });
        return conversions;
    }
}
