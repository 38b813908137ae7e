package io.roomservice.command.profile;

import io.roomservice.api.profile.CreateUserProfile;
import io.roomservice.api.profile.EndMatrixAccess;
import io.roomservice.api.profile.ForgetMatrixDisplayName;
import io.roomservice.api.profile.MatrixDisplayNameForgotten;
import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.api.profile.MatrixAccessRestored;
import io.roomservice.api.profile.MatrixUserProvisioned;
import io.roomservice.api.profile.MatrixUserProvisioningReset;
import io.roomservice.api.profile.RecordMatrixUserProvisioned;
import io.roomservice.api.profile.ResetMatrixUserProvisioning;
import io.roomservice.api.profile.RestoreMatrixAccess;
import io.roomservice.api.profile.UserProfileCreated;
import io.roomservice.api.profile.UserProfileIds;
import io.roomservice.api.user.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static io.roomservice.api.profile.ProfileRejections.botId;
import static io.roomservice.api.profile.ProfileRejections.changed;
import static io.roomservice.api.profile.ProfileRejections.noProfile;
import static io.roomservice.api.profile.ProfileRejections.taken;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's Matrix account as roomservice manages it: which Matrix user id is theirs (for good),
 * whether the account exists on the current homeserver, and whether their access has ended. Every
 * command is idempotent: member sync repeats them freely.
 */
@Aggregate
public class UserProfile {

    @AggregateIdentifier
    private String profileId;
    private UserId userId;
    private String matrixUserId;
    private boolean provisioned;
    private boolean accessEnded;
    private boolean displayNameForgotten;

    protected UserProfile() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateUserProfile command, MatrixUserIds matrixUserIds) {
        if (matrixUserId != null) {
            if (!matrixUserId.equals(command.matrixUserId())) {
                throw changed(matrixUserId, command.matrixUserId());
            }
            return;
        }
        if (command.matrixUserId().equals(command.botUserId())) {
            throw botId(command.matrixUserId());
        }
        var owner = matrixUserIds.ownerOf(command.matrixUserId());
        if (owner.isPresent() && !owner.get().equals(command.userId())) {
            throw taken(command.matrixUserId());
        }
        apply(new UserProfileCreated(command.userId(), command.matrixUserId()));
    }

    @CommandHandler
    public void handle(RecordMatrixUserProvisioned command) {
        requireProfile();
        if (!provisioned) {
            apply(new MatrixUserProvisioned(userId, matrixUserId));
        }
    }

    @CommandHandler
    public void handle(ResetMatrixUserProvisioning command) {
        requireProfile();
        if (provisioned) {
            apply(new MatrixUserProvisioningReset(userId));
        }
    }

    @CommandHandler
    public void handle(EndMatrixAccess command) {
        requireProfile();
        if (!accessEnded) {
            apply(new MatrixAccessEnded(userId, matrixUserId));
        }
    }

    @CommandHandler
    public void handle(RestoreMatrixAccess command) {
        requireProfile();
        if (accessEnded) {
            apply(new MatrixAccessRestored(userId, matrixUserId));
        }
    }

    @CommandHandler
    public void handle(ForgetMatrixDisplayName command) {
        requireProfile();
        if (!displayNameForgotten) {
            apply(new MatrixDisplayNameForgotten(userId, matrixUserId));
        }
    }

    private void requireProfile() {
        // CREATE_IF_MISSING is only on creation; these commands on an unknown profile end in
        // Axon's AggregateNotFoundException. This guards a profile created without an id.
        if (matrixUserId == null) {
            throw noProfile(userId);
        }
    }

    @EventSourcingHandler
    void on(UserProfileCreated event) {
        profileId = UserProfileIds.of(event.userId());
        userId = event.userId();
        matrixUserId = event.matrixUserId();
    }

    @EventSourcingHandler
    void on(MatrixUserProvisioned event) {
        provisioned = true;
    }

    @EventSourcingHandler
    void on(MatrixUserProvisioningReset event) {
        provisioned = false;
    }

    @EventSourcingHandler
    void on(MatrixAccessEnded event) {
        accessEnded = true;
    }

    @EventSourcingHandler
    void on(MatrixAccessRestored event) {
        accessEnded = false;
    }

    @EventSourcingHandler
    void on(MatrixDisplayNameForgotten event) {
        displayNameForgotten = true;
    }
}
