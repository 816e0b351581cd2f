package id.siaga.web;

import id.siaga.org.StationDirectory;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: roles and home station, which bounds what they see. */
@RestController
class MeController {

    private final StationDirectory stations;

    MeController(StationDirectory stations) {
        this.stations = stations;
    }

    record MeView(String username, String displayName, Set<Role> roles, StationView station) {
    }

    @GetMapping("/api/me")
    MeView me(Authentication auth) {
        SiagaPrincipal p = StationScope.principal(auth);
        return new MeView(p.username(), p.displayName(), p.roles(), StationView.of(stations.tree().get(p.station())));
    }
}
