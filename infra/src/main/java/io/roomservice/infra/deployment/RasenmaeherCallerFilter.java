package io.roomservice.infra.deployment;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises Rasenmaeher by its client certificate's CN: the certificate the TLS connector verified
 * (client authentication requested on roomservice's own connector), or the subject DN a trusted
 * TLS-terminating proxy passes in a header. The header counts only when the connection comes from one
 * of the configured proxy addresses; from anywhere else it is ignored, as is every other CN.
 */
class RasenmaeherCallerFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "RASENMAEHER";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final DeploymentProperties.Callers callers;
    private final Set<String> trustedProxies;

    RasenmaeherCallerFilter(DeploymentProperties.Callers callers) {
        this.callers = callers;
        this.trustedProxies = Set.copyOf(callers.trustedProxies());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> cn = certificateCn(request).or(() -> proxiedCn(request));
        if (cn.isPresent() && cn.get().equals(callers.certificateCn())) {
            var caller = new PreAuthenticatedAuthenticationToken(cn.get(), null,
                    AuthorityUtils.createAuthorityList(AUTHORITY));
            SecurityContextHolder.getContext().setAuthentication(caller);
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> certificateCn(HttpServletRequest request) {
        if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            return commonName(chain[0].getSubjectX500Principal().getName());
        }
        return Optional.empty();
    }

    private Optional<String> proxiedCn(HttpServletRequest request) {
        String dn = request.getHeader(callers.dnHeader());
        if (dn == null || !trustedProxies.contains(request.getRemoteAddr())) {
            return Optional.empty();
        }
        return commonName(dn);
    }

    /** The CN of an RFC 2253 distinguished name; empty when it has none or is no DN. */
    static Optional<String> commonName(String dn) {
        try {
            return new LdapName(dn).getRdns().stream().filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(String::valueOf).reduce((first, last) -> last);
        } catch (InvalidNameException | IllegalArgumentException notADn) {
            return Optional.empty();
        }
    }
}
