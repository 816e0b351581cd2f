package id.siaga.web;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.security.ApiClient;
import id.siaga.security.ApiKeys;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue API keys for integration clients (the secret is shown in that response only), list and revoke them. */
@RestController
class ApiKeysController {

    private final ApiKeys keys;
    private final StationDirectory stations;
    private final StationScope scope;
    private final Journal journal;
    private final SocketStanding sockets;

    ApiKeysController(ApiKeys keys, StationDirectory stations, StationScope scope, Journal journal, SocketStanding sockets) {
        this.keys = keys;
        this.sockets = sockets;
        this.stations = stations;
        this.scope = scope;
        this.journal = journal;
    }

    record NewKey(@NotBlank @Size(max = 200) String name, @NotEmpty Set<Role> roles, @NotBlank String station) {
    }

    @PostMapping("/api/admin/api-keys")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.IssuedKey issue(@Valid @RequestBody NewKey request, Authentication auth) {
        StationId station = StationsController.existing(request.station(), stations.tree());
        scope.requireVisible(auth, station);
        ApiKeys.IssuedKey key = keys.issue(request.name(), request.roles(), station);
        journal.append("ApiKeyIssued", SubjectKind.USER, SiagaPrincipal.apiSubject(key.keyId()), auth.getName(),
                Map.of("name", request.name(), "roles", request.roles(), "station", station.value()));
        return key;
    }

    /** A key as listed: who it is for and since when, revoked when; never its secret or hash. */
    record KeyView(String keyId, String name, Set<Role> roles, String station, String stationName, java.time.Instant createdAt,
                   java.time.Instant revokedAt) {
        static KeyView of(ApiClient c, StationDirectory stations) {
            return new KeyView(c.keyId(), c.name(), c.roles(), c.station().value(), stations.tree().get(c.station()).name(), c.createdAt(),
                    c.revoked().orElse(null));
        }
    }

    /** The keys of the administrator's stations and below, newest first. */
    @GetMapping("/api/admin/api-keys")
    @PreAuthorize("hasRole('ADMIN')")
    List<KeyView> list(Authentication auth) {
        return keys.all().stream().filter(c -> administers(auth, c)).map(c -> KeyView.of(c, stations)).toList();
    }

    /**
     * Revokes a key of the administrator's stations (another's is not there for them: 404): it authenticates nothing
     * more, on any node, and its open sockets (the EIDO conveyance) are closed at their next check. Revoking it again
     * changes nothing.
     */
    @PostMapping("/api/admin/api-keys/{keyId}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    KeyView revoke(@PathVariable String keyId, Authentication auth) {
        ApiClient client = keys.find(keyId).filter(c -> administers(auth, c)).orElseThrow(() -> new NoSuchElementException("no API key " + keyId));
        Optional<ApiClient> revoked = keys.revoke(client.keyId());
        if (revoked.isEmpty()) {
            return KeyView.of(keys.find(keyId).orElseThrow(), stations);
        }
        Journal.awaitDurable(List.of(journal.append("ApiKeyRevoked", SubjectKind.USER, SiagaPrincipal.apiSubject(keyId), auth.getName(),
                Map.of("name", client.name(), "station", client.station().value()))));
        sockets.recheck();
        return KeyView.of(revoked.get(), stations);
    }

    /** A key of the administrator's stations and below (a key of a station no longer in the tree is nobody's to see). */
    private boolean administers(Authentication auth, ApiClient c) {
        return stations.tree().contains(c.station()) && scope.canSee(auth, c.station());
    }
}
