package io.roomservice.infra.credentials;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.directory.FindUserAccess;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RecordMemberChanges;
import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.RecordMatrixUserProvisioned;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixSessions;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.infra.room.RoomReads;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.Commands;
import io.roomservice.infra.web.ForbiddenException;
import io.roomservice.infra.web.NotFoundException;
import io.roomservice.infra.web.ServiceUnavailableException;
import io.roomservice.infra.web.TooManyRequestsException;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.MemberHomeserver;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Hands a signed-in person their Matrix login, making their account first when it does not exist
 * yet. Passwords and access tokens roomservice made are kept only in the secret store, under the
 * person's uuid, and shown only to that person.
 */
@Service
@EnableConfigurationProperties(CredentialsProperties.class)
public class Credentials {

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);

    /** When a 429 of the homeserver says nothing of when: Synapse's own login limits run per minute. */
    private static final Duration HOMESERVER_RETRY_AFTER = Duration.ofMinutes(1);

    private final CredentialsProperties properties;
    private final QueryGateway queries;
    private final Commands commands;
    private final MatrixConnections connections;
    private final MatrixIdentities identities;
    private final MemberHomeserver homeserver;
    private final SynapseAdmin admin;
    private final SecretStore secrets;
    private final RoomReads rooms;
    private final LoginTokens loginTokens;
    private final RateLimiterRegistry limits;

    public Credentials(CredentialsProperties properties, QueryGateway queries, Commands commands,
                       MatrixConnections connections, MatrixIdentities identities, MemberHomeserver homeserver,
                       SynapseAdmin admin, SecretStore secrets, RoomReads rooms, LoginTokens loginTokens) {
        this.properties = properties;
        this.queries = queries;
        this.commands = commands;
        this.connections = connections;
        this.identities = identities;
        this.homeserver = homeserver;
        this.admin = admin;
        this.secrets = secrets;
        this.rooms = rooms;
        this.loginTokens = loginTokens;
        this.limits = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.limitForPeriod())
                .limitRefreshPeriod(properties.limitPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    static String passwordSecret(UserId user) {
        return "credentials." + user + ".password";
    }

    static String accessTokenSecret(UserId user) {
        return "credentials." + user + ".access_token";
    }

    public CredentialsResponse forCaller(Caller caller, UUID roomUuid, HttpServletRequest request) {
        UserId user = new UserId(UUID.fromString(caller.subject()));
        RateLimiter limiter = limits.rateLimiter(user.toString());
        if (!limiter.acquirePermission()) {
            throw new TooManyRequestsException("Too many credential requests; try again later.",
                    properties.limitPeriod());
        }
        DirectoryUser person = queries.query(new FindDirectoryUser(user), ResponseTypes.instanceOf(DirectoryUser.class))
                .join();
        if (person == null) {
            throw new NotFoundException("You are not known to roomservice's directory yet.");
        }
        if (!person.active()) {
            throw new ForbiddenException("Your account is deactivated.");
        }
        try {
            String matrixUserId = provision(person, caller, request);
            MatrixConnections.Connection connection = connections.require();
            MatrixSessions sessions = connection.sessions();
            String homeserverUrl = connection.properties().homeserverUrl();
            CredentialsResponse login = switch (properties.loginMethod()) {
                case "password" -> new CredentialsResponse(matrixUserId, homeserverUrl, "password",
                        password(user, matrixUserId), null, null, null, null, null);
                case "token" -> {
                    var token = loginTokens.issue(user, accessToken(user, matrixUserId, sessions), sessions);
                    yield new CredentialsResponse(matrixUserId, homeserverUrl, "token", null, token.loginToken(),
                            token.expiresInMs(), null, null, null);
                }
                default -> new CredentialsResponse(matrixUserId, homeserverUrl, "oidc", null, null, null,
                        properties.oidcProviderUrl(), null, null);
            };
            if (roomUuid == null) {
                return login;
            }
            String roomId = enterRoom(user, matrixUserId, roomUuid, caller, request);
            if (roomId == null) {
                return login;
            }
            return new CredentialsResponse(login.matrixUserId(), login.homeserverUrl(), login.loginMethod(),
                    login.password(), login.loginToken(), login.expiresInMs(), login.oidcProviderUrl(), roomId,
                    accessToken(user, matrixUserId, sessions));
        } catch (HomeserverException failure) {
            log.warn("Credentials for {} failed on the homeserver: {}", user, failure.getMessage());
            if (failure.isRateLimited()) {
                // the homeserver is up and said when to come back: the caller is told the same
                throw new TooManyRequestsException("The homeserver asks to wait before your next login: "
                        + failure.getMessage(), failure.retryAfter().orElse(HOMESERVER_RETRY_AFTER));
            }
            throw new ServiceUnavailableException("The homeserver could not provide your login right now: "
                    + failure.getMessage());
        }
    }

    /** The person's Matrix user id, once their profile and their account exist. */
    private String provision(DirectoryUser person, Caller caller, HttpServletRequest request) {
        UserProfileView profile = queries.query(new FindUserProfiles(Set.of(person.userId())),
                ResponseTypes.instanceOf(UserProfiles.class)).join().byUser().get(person.userId());
        if (profile != null && profile.accessEnded()) {
            throw new ForbiddenException("Your Matrix access has ended.");
        }
        String matrixUserId = profile != null ? profile.matrixUserId()
                : identities.userIdFor(person.userId(), person.username(), person::email).orElseThrow(() ->
                new CommandRejectedException(RejectionReason.CONFLICT, "no-matrix-id",
                        "Your account details cannot form a Matrix user id with the configured format."));
        if (profile == null) {
            commands.send(new CreateUserProfile(person.userId(), matrixUserId, identities.botUserId()), caller, request);
        }
        if (profile == null || !profile.provisioned()) {
            homeserver.ensureUser(matrixUserId, person.fullName() != null ? person.fullName() : person.username());
            commands.send(new RecordMatrixUserProvisioned(person.userId()), caller, request);
        }
        return matrixUserId;
    }

    private String password(UserId user, String matrixUserId) {
        var stored = secrets.find(passwordSecret(user));
        if (stored.isPresent()) {
            return stored.get();
        }
        String password = admin.newSecret();
        admin.setPassword(matrixUserId, password);
        secrets.put(passwordSecret(user), password);
        return password;
    }

    /** An access token of the person's own (appservice login), kept while it works. */
    private String accessToken(UserId user, String matrixUserId, MatrixSessions sessions) {
        var stored = secrets.find(accessTokenSecret(user));
        if (stored.isPresent() && sessions.tokenWorks(stored.get())) {
            return stored.get();
        }
        String token = sessions.loginAsAppserviceUser(matrixUserId).accessToken();
        secrets.put(accessTokenSecret(user), token);
        return token;
    }

    /**
     * Invites and joins the person into the room when they may be in it (a role in its project or
     * ownership of its customer) and it is active; otherwise null, and the room is silently ignored.
     */
    private String enterRoom(UserId user, String matrixUserId, UUID roomUuid, Caller caller,
                             HttpServletRequest request) {
        RoomView room = rooms.find(new RoomId(roomUuid)).orElse(null);
        if (room == null || room.state() != RoomState.ACTIVE || room.matrixRoomId() == null) {
            return null;
        }
        UserAccess access = queries.query(new FindUserAccess(user), ResponseTypes.instanceOf(UserAccess.class)).join();
        if (access == null || !access.hasRoleIn(room.projectId(), room.customerId())) {
            return null;
        }
        var state = homeserver.roomState(room.matrixRoomId());
        String membership = state.membership().get(matrixUserId);
        if (!"join".equals(membership)) {
            if (!"invite".equals(membership)) {
                homeserver.invite(room.matrixRoomId(), matrixUserId);
            }
            homeserver.join(room.matrixRoomId(), matrixUserId);
            commands.send(new RecordMemberChanges(room.roomId(), List.of(new MemberChange(user, matrixUserId,
                    Membership.JOINED, state.powerLevels().getOrDefault(matrixUserId, 0),
                    "Joined for embedded chat."))), caller, request);
        }
        return room.matrixRoomId();
    }
}
