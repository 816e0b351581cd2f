package id.siaga.web;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.security.ApiKeys;
import id.siaga.security.Role;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue API keys for integration clients; the secret is shown in this response only. */
@RestController
class ApiKeysController {

    private final ApiKeys keys;
    private final StationDirectory stations;
    private final StationScope scope;
    private final Journal journal;

    ApiKeysController(ApiKeys keys, StationDirectory stations, StationScope scope, Journal journal) {
        this.keys = keys;
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
        journal.append("ApiKeyIssued", SubjectKind.USER, "api:" + key.keyId(), auth.getName(),
                Map.of("name", request.name(), "roles", request.roles(), "station", station.value()));
        return key;
    }
}
