package id.siaga.web;

import id.siaga.integration.CitizenStatus;
import id.siaga.integration.CitizenStatusView;
import java.util.NoSuchElementException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's status page's data, without login: the report's steps and ETA for a status link's token. Any miss
 * (unknown, malformed, too long) is the same 404 problem, so answers tell nothing about which tokens exist; the
 * rate limit ({@link PublicRateLimitFilter}) keeps anyone from trying many.
 */
@RestController
class PublicStatusController {

    private final CitizenStatus status;

    PublicStatusController(CitizenStatus status) {
        this.status = status;
    }

    @GetMapping("/api/public/status/{token}")
    ResponseEntity<CitizenStatusView> status(@PathVariable String token) {
        CitizenStatusView view = status.of(token).orElseThrow(() -> new NoSuchElementException("no report has this link"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").body(view);
    }
}
