package io.roomservice.sagas.group;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an announcement in each of its rooms. A retry posts again under the same transaction ids, which
 * the homeserver answers with the events it already has: exactly once per room.
 */
public class PostGroupAnnouncementHandler implements HomeserverWorkHandler<PostGroupAnnouncement> {

    private static final Logger log = LoggerFactory.getLogger(PostGroupAnnouncementHandler.class);

    private final GroupHomeserver homeserver;
    private final GroupSettings settings;

    public PostGroupAnnouncementHandler(GroupHomeserver homeserver, GroupSettings settings) {
        this.homeserver = homeserver;
        this.settings = settings;
    }

    @Override
    public Class<PostGroupAnnouncement> workType() {
        return PostGroupAnnouncement.class;
    }

    @Override
    public WorkResult run(PostGroupAnnouncement work) {
        for (var announcement : GroupAnnouncements.of(work, settings.listenerRooms())) {
            homeserver.announce(announcement.roomId(), announcement.transactionId(), announcement.markdown());
        }
        return WorkResult.done();
    }

    @Override
    public void gaveUp(PostGroupAnnouncement work, HomeserverException failure, int attemptsMade) {
        log.warn("Group {}: content {} could not be announced after {} attempt(s): {}", work.groupId(),
                work.content().contentId(), attemptsMade, failure.getMessage());
    }
}
