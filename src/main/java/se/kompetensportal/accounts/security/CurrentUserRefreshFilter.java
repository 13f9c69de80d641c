package se.kompetensportal.accounts.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import se.kompetensportal.shared.security.PortalUser;

/**
 * Keeps the signed-in user current: on every request the user's roles and scope are read again, so an administrator's
 * change (a role taken away, a project assigned, the account deactivated) applies to sessions already open. A
 * deactivated or deleted user is signed out.
 */
class CurrentUserRefreshFilter extends OncePerRequestFilter {

    private final PortalUserLookup lookup;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    CurrentUserRefreshFilter(PortalUserLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.startsWith("/fonts/") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser current) {
            Optional<PortalUser> fresh = lookup.byId(current.id()).filter(PortalUser::isEnabled);
            if (fresh.isEmpty()) {
                signOut(request);
            } else if (!fresh.get().sameGrantsAs(current)) {
                replace(authentication, fresh.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void replace(Authentication old, PortalUser user, HttpServletRequest request, HttpServletResponse response) {
        user.eraseCredentials();
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        // Keep what is not a role (e.g. the factor authorities Spring Security adds at login).
        old.getAuthorities().stream().filter(a -> !String.valueOf(a.getAuthority()).startsWith("ROLE_"))
                .forEach(authorities::add);
        UsernamePasswordAuthenticationToken replacement =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        replacement.setDetails(old.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(replacement);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
