package se.kompetensportal.accounts.security;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * Sign-in links' tokens in the database, so every instance sees them: Spring Security's {@link
 * JdbcOneTimeTokenService}, which refuses expired tokens and deletes them hourly. Held inside this bean rather than
 * being one: as a bean its {@code afterPropertiesSet} starts a second clean-up scheduler over the one its constructor
 * started, and {@code destroy} stops only the second; the first, a non-daemon thread, then kept the JVM of a portal
 * whose start had failed alive, doing nothing (found when the demo data's start failed in a benchmark).
 * {@code setCleanupCron} does the same. Here only the constructor's scheduler exists, and closing stops it.
 */
final class DatabaseOneTimeTokens implements OneTimeTokenService, DisposableBean {

    private final JdbcOneTimeTokenService tokens;

    DatabaseOneTimeTokens(DataSource dataSource) {
        this.tokens = new JdbcOneTimeTokenService(new JdbcTemplate(dataSource));
    }

    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        return tokens.generate(request);
    }

    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
        return tokens.consume(authenticationToken);
    }

    @Override
    public void destroy() throws Exception {
        tokens.destroy();
    }
}
