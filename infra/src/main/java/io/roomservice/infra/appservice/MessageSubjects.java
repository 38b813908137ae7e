package io.roomservice.infra.appservice;

import io.roomservice.api.matrix.ContentSubjects;
import io.roomservice.api.profile.FindUserProfileByMatrixId;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.infra.homeserver.MatrixLink;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decides whose personal data a pushed message is (see {@link ContentSubjects}). Only the bot's own
 * messages may name the person they are about: anyone else claiming {@value ContentSubjects#ABOUT}
 * is ignored, so nobody can put their words under another person's key.
 */
@Component
public class MessageSubjects {

    private final QueryGateway queries;
    private final MatrixLink link;

    public MessageSubjects(QueryGateway queries, MatrixLink link) {
        this.queries = queries;
        this.link = link;
    }

    /** A resolver for one transaction: each sender is looked up once. */
    public Resolver forTransaction() {
        var p = link.current();
        String bot = p.domain().isEmpty() ? null : "@" + p.senderLocalpart() + ":" + p.domain();
        String namespace = p.domain().isEmpty() ? null : "@" + p.aliasPrefix() + "-";
        return new Resolver(bot, namespace, ":" + p.domain());
    }

    public final class Resolver {

        private final String bot;
        private final String namespace;
        private final String domain;
        private final Map<String, UUID> senders = new HashMap<>();

        private Resolver(String bot, String namespace, String domain) {
            this.bot = bot;
            this.namespace = namespace;
            this.domain = domain;
        }

        /**
         * Whether the sender is one of the appservice's own users ({@code @<alias-prefix>-...} on this
         * homeserver): only roomservice can send as them, so what their content claims about who they
         * acted for can be believed; anyone else could write any claim.
         */
        public boolean isOwnUser(String sender) {
            return namespace != null && sender.startsWith(namespace) && sender.endsWith(domain);
        }

        /** @param about the message content's {@value ContentSubjects#ABOUT}, or null */
        public UUID subjectOf(String sender, String about) {
            if (about != null && sender.equals(bot)) {
                try {
                    return UUID.fromString(about);
                } catch (IllegalArgumentException notAUuid) {
                    // a notice roomservice did not write: the bot's own key below
                }
            }
            return senders.computeIfAbsent(sender, this::personBehind);
        }

        private UUID personBehind(String matrixUserId) {
            UserProfileView profile = queries.query(new FindUserProfileByMatrixId(matrixUserId),
                    ResponseTypes.instanceOf(UserProfileView.class)).join();
            return profile != null ? profile.userId().value() : ContentSubjects.ofMatrixUser(matrixUserId);
        }
    }
}
