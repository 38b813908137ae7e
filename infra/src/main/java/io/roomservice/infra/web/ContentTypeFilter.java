package io.roomservice.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A body must say what it is: a {@code Content-Type} with a wildcard ({@code *}{@code /*}) or one
 * that does not parse is refused with 415 before Spring MVC, which cannot even read such a request's
 * headers and would answer 500. The homeserver's calls ({@code /_matrix/...}) get the Matrix error
 * format.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ContentTypeFilter extends OncePerRequestFilter {

    static final String DETAIL = "The Content-Type must name one media type, application/json.";

    private final ProblemResponses problems;

    public ContentTypeFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (acceptable(request.getContentType())) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/_matrix/")) {
            response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"errcode\":\"M_NOT_JSON\",\"error\":\"" + DETAIL + "\"}");
        } else {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", DETAIL);
        }
    }

    static boolean acceptable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
