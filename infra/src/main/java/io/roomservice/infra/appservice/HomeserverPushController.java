package io.roomservice.infra.appservice;

import io.roomservice.api.profile.FindUserProfileByMatrixId;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.infra.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Application Service API the homeserver calls ({@code /_matrix/app/v1}): transactions, ping and
 * the two queries. roomservice creates neither users nor rooms on demand, so the queries answer 404
 * for anything it has not created; every other path is {@code M_UNRECOGNIZED}.
 */
@RestController
@Hidden
public class HomeserverPushController {

    /** As long as a transaction id may be: its column's length (a longer one answered 500). */
    static final int MAX_TXN_ID_LENGTH = 255;

    private static final Pattern KNOWN = Pattern.compile(
            "/_matrix/app/v1/(transactions/[^/]+|ping|users/[^/]+|rooms/[^/]+)/?");

    private final HomeserverTokenCheck tokens;
    private final TransactionInbox inbox;
    private final AppserviceLink link;
    private final JsonMapper json = JsonMapper.builder().build();

    private final QueryGateway queries;

    public HomeserverPushController(HomeserverTokenCheck tokens, TransactionInbox inbox, AppserviceLink link,
                                    QueryGateway queries) {
        this.tokens = tokens;
        this.inbox = inbox;
        this.link = link;
        this.queries = queries;
    }

    @PutMapping("/_matrix/app/v1/transactions/{txnId}")
    public ResponseEntity<Map<String, Object>> transaction(@PathVariable String txnId,
                                                           @RequestBody(required = false) byte[] body,
                                                           HttpServletRequest request) {
        Optional<ResponseEntity<Map<String, Object>>> refused = tokens.refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (txnId.length() > MAX_TXN_ID_LENGTH) {
            return MatrixErrors.error(HttpStatus.BAD_REQUEST, "M_INVALID_PARAM",
                    "The transaction id is longer than " + MAX_TXN_ID_LENGTH + " characters.");
        }
        JsonNode transaction;
        try {
            transaction = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            return MatrixErrors.error(HttpStatus.BAD_REQUEST, "M_NOT_JSON", "The body is not valid JSON.");
        }
        if (transaction == null || !transaction.isObject()) {
            return MatrixErrors.error(HttpStatus.BAD_REQUEST, "M_BAD_JSON", "The body must be a JSON object.");
        }
        JsonNode events = transaction.get("events");
        if (events == null || !events.isArray()) {
            return MatrixErrors.error(HttpStatus.BAD_REQUEST, "M_BAD_JSON", "'events' must be a list.");
        }
        List<JsonNode> objects = new ArrayList<>(events.size());
        events.forEach(e -> {
            if (e.isObject()) {
                objects.add(e);
            }
        });
        inbox.receive(txnId, objects, RequestIdFilter.requestId(request));
        return MatrixErrors.ok();
    }

    @PostMapping("/_matrix/app/v1/ping")
    public ResponseEntity<Map<String, Object>> ping(HttpServletRequest request) {
        return tokens.refuse(request).orElseGet(MatrixErrors::ok);
    }

    @GetMapping("/_matrix/app/v1/users/{userId}")
    public ResponseEntity<Map<String, Object>> user(@PathVariable String userId, HttpServletRequest request) {
        Optional<ResponseEntity<Map<String, Object>>> refused = tokens.refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        var p = link.current();
        if (userId.equals("@" + p.senderLocalpart() + ":" + p.domain())) {
            return MatrixErrors.ok();
        }
        UserProfileView profile = queries.query(new FindUserProfileByMatrixId(userId),
                ResponseTypes.instanceOf(UserProfileView.class)).join();
        if (profile != null && profile.provisioned()) {
            return MatrixErrors.ok();
        }
        return MatrixErrors.error(HttpStatus.NOT_FOUND, "M_NOT_FOUND",
                "Not a user roomservice has created.");
    }

    @GetMapping("/_matrix/app/v1/rooms/{alias}")
    public ResponseEntity<Map<String, Object>> room(@PathVariable String alias, HttpServletRequest request) {
        return tokens.refuse(request).orElseGet(() -> MatrixErrors.error(HttpStatus.NOT_FOUND, "M_NOT_FOUND",
                "roomservice creates rooms for projects only, never on demand."));
    }

    /** Anything else under {@code /_matrix}: 405 on a known path with another method, else 404. */
    @RequestMapping("/_matrix/**")
    public ResponseEntity<Map<String, Object>> unrecognized(HttpServletRequest request) {
        if (KNOWN.matcher(request.getRequestURI()).matches()) {
            return MatrixErrors.error(HttpStatus.METHOD_NOT_ALLOWED, "M_UNRECOGNIZED",
                    request.getMethod() + " is not supported here.");
        }
        return MatrixErrors.error(HttpStatus.NOT_FOUND, "M_UNRECOGNIZED", "Unrecognized request.");
    }
}
