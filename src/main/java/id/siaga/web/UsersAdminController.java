package id.siaga.web;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAdministration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts of the administrator's stations ({@link UserAdministration} holds the rules): list them, create one,
 * change its name, roles or home station, disable or enable it, reset its password. A new account and a reset answer
 * with a temporary password, shown this once and never stored in the clear; its user must change it at the next login.
 */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersAdminController {

    private final UserAdministration accounts;
    private final StationDirectory stations;

    private final SocketStanding sockets;

    UsersAdminController(UserAdministration accounts, StationDirectory stations, SocketStanding sockets) {
        this.sockets = sockets;
        this.accounts = accounts;
        this.stations = stations;
    }

    /** An account as the console shows it: never its password or hash. */
    record UserView(String username, String displayName, List<Role> roles, StationView station, boolean enabled,
                    boolean mustChangePassword) {
    }

    /** An account with the temporary password just set on it. */
    record IssuedView(UserView user, String temporaryPassword) {
    }

    record NewUser(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
                   @NotEmpty Set<Role> roles, @NotBlank @Size(max = 64) String station) {
    }

    record Change(@Size(max = 200) String displayName, Set<Role> roles, @Size(max = 64) String station) {
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    /**
     * The accounts of the caller's stations, by username; {@code q} matches username or name, {@code station} keeps
     * that station and those below it, {@code role} and {@code enabled} keep those that have it.
     */
    @GetMapping
    List<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                        @RequestParam(required = false) String station, @RequestParam(required = false) Boolean enabled,
                        Authentication auth) {
        SiagaPrincipal actor = StationScope.principal(auth);
        StationId under = station == null || station.isBlank() ? null : StationId.of(station);
        if (under != null && !stations.tree().contains(under)) {
            throw new IllegalArgumentException("unknown station " + Problems.echo(station));
        }
        String words = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return accounts.visibleTo(actor).stream()
                .filter(a -> words.isEmpty() || a.username().contains(words) || a.displayName().toLowerCase(Locale.ROOT).contains(words))
                .filter(a -> role == null || a.has(role))
                .filter(a -> under == null || stations.tree().isWithin(a.station(), under))
                .filter(a -> enabled == null || a.enabled() == enabled)
                .map(this::view).toList();
    }

    @GetMapping("/{username}")
    UserView one(@PathVariable String username, Authentication auth) {
        return view(accounts.get(StationScope.principal(auth), username));
    }

    @PostMapping
    ResponseEntity<IssuedView> create(@Valid @RequestBody NewUser body, Authentication auth) {
        UserAdministration.Issued issued = accounts.create(StationScope.principal(auth), body.username().strip(), body.displayName(),
                body.roles(), StationId.of(body.station()));
        return secret(HttpStatus.CREATED, issued);
    }

    @PatchMapping("/{username}")
    UserView change(@PathVariable String username, @Valid @RequestBody Change body, Authentication auth) {
        StationId station = body.station() == null ? null : StationId.of(body.station());
        UserView changed = view(accounts.change(StationScope.principal(auth), username,
                new UserAdministration.ProfileChange(body.displayName(), body.roles(), station)));
        sockets.recheck();
        return changed;
    }

    /** Disables ({@code false}: the user's sessions end at once) or enables the account. */
    @PostMapping("/{username}/enabled")
    UserView enabled(@PathVariable String username, @Valid @RequestBody Enabled body, Authentication auth) {
        UserView changed = view(accounts.setEnabled(StationScope.principal(auth), username, body.enabled()));
        sockets.recheck();
        return changed;
    }

    @PostMapping("/{username}/password-reset")
    ResponseEntity<IssuedView> resetPassword(@PathVariable String username, Authentication auth) {
        ResponseEntity<IssuedView> issued = secret(HttpStatus.OK, accounts.resetPassword(StationScope.principal(auth), username));
        sockets.recheck();
        return issued;
    }

    private ResponseEntity<IssuedView> secret(HttpStatus status, UserAdministration.Issued issued) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .body(new IssuedView(view(issued.account()), issued.temporaryPassword()));
    }

    private UserView view(UserAccount a) {
        List<Role> roles = a.roles().stream().sorted(Comparator.naturalOrder()).toList();
        return new UserView(a.username(), a.displayName(), roles, StationView.of(stations.tree().get(a.station())), a.enabled(),
                a.mustChangePassword());
    }
}
