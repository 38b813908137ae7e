package io.roomservice.infra.membership;

import io.roomservice.api.user.UserId;
import io.roomservice.infra.homeserver.MatrixLink;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MatrixIdentities;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * People's Matrix user ids by {@code roomservice.matrix.user-id-format}, inside the appservice's user
 * namespace {@code @<alias-prefix>-...:<domain>} (the namespace the registration claims).
 */
public class ConfiguredMatrixIdentities implements MatrixIdentities {

    private final MatrixLink link;

    public ConfiguredMatrixIdentities(MatrixLink link) {
        this.link = link;
    }

    @Override
    public Optional<String> userIdFor(UserId userId, String username, Supplier<String> email) {
        MatrixProperties p = link.current();
        return p.userIdFormatValue().userId(p.aliasPrefix() + "-", domain(p), userId.value(), username,
                p.userIdFormatValue() == io.roomservice.api.profile.MatrixUserIdFormat.EMAIL_LOCAL ? email.get() : null);
    }

    @Override
    public String botUserId() {
        MatrixProperties p = link.current();
        return "@" + p.senderLocalpart() + ":" + domain(p);
    }

    @Override
    public boolean inNamespace(String matrixUserId) {
        MatrixProperties p = link.current();
        return matrixUserId != null && (matrixUserId.equals(botUserId())
                || (matrixUserId.startsWith("@" + p.aliasPrefix() + "-") && matrixUserId.endsWith(":" + p.domain())));
    }

    private static String domain(MatrixProperties p) {
        if (p.domain().isEmpty()) {
            throw HomeserverException.permanentFailure("No homeserver domain is configured; run the appservice setup.");
        }
        return p.domain();
    }
}
