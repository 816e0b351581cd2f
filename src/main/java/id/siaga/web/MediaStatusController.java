package id.siaga.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether calls are recorded now ({@code GET /api/media}), for the header of every console: {@code ON} while an
 * rtpengine instance takes calls (each call anchored and recorded), {@code DOWN} when instances are configured but none
 * answers (calls go on end to end, unrecorded, each journalled {@code MediaUnavailable}), {@code OFF} when no media
 * plane is configured (the demo without rtpengine). Counts only: the instances' addresses are for the logs and health.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
class MediaStatusController {

    enum Recording { ON, DOWN, OFF }

    record MediaStatus(Recording recording, int instances, int live) {
    }

    private final ObjectProvider<MediaPlaneStatus> plane;

    MediaStatusController(ObjectProvider<MediaPlaneStatus> plane) {
        this.plane = plane;
    }

    @GetMapping("/api/media")
    MediaStatus status() {
        MediaPlaneStatus now = plane.getIfAvailable();
        if (now == null || now.instances() == 0) {
            return new MediaStatus(Recording.OFF, 0, 0);
        }
        int live = now.live();
        return new MediaStatus(live > 0 ? Recording.ON : Recording.DOWN, now.instances(), live);
    }
}
