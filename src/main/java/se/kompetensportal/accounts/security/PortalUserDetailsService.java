package se.kompetensportal.accounts.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the user a one-time login link was issued for; deactivated users are not found. */
@Component
class PortalUserDetailsService implements UserDetailsService {

    private final PortalUserLookup lookup;

    PortalUserDetailsService(PortalUserLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return lookup.byEmail(username).filter(u -> u.isEnabled())
                .orElseThrow(() -> new UsernameNotFoundException("No active user"));
    }
}
