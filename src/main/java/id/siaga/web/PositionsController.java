package id.siaga.web;

import id.siaga.org.OperatorId;
import id.siaga.org.Position;
import id.siaga.org.PositionChanges;
import id.siaga.org.PositionStore;
import id.siaga.org.PresenceBoard;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.StationScope;
import id.siaga.telephony.registrar.BindingStore;
import id.siaga.telephony.registrar.OperatorPhone;
import id.siaga.telephony.registrar.OperatorPhones;
import id.siaga.telephony.registrar.PhoneChanges;
import id.siaga.telephony.registrar.Registration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator positions and their phones, administered by an ADMIN within their home station's subtree: the positions with
 * their phone and its registration state, and every change (through {@link PositionChanges} and {@link PhoneChanges},
 * which store and journal it). A generated password is in the one answer that creates it, never stored, never shown again.
 */
@RestController
@RequestMapping("/api/admin/positions")
@PreAuthorize("hasRole('ADMIN')")
class PositionsController {

    private final PositionStore positions;
    private final PositionChanges changes;
    private final PhoneChanges phoneChanges;
    private final OperatorPhones phones;
    private final PresenceBoard presence;
    private final StationDirectory stations;
    private final StationScope scope;
    private final Clock clock;

    PositionsController(PositionStore positions, PositionChanges changes, PhoneChanges phoneChanges, OperatorPhones phones,
                        PresenceBoard presence, StationDirectory stations, StationScope scope, Clock clock) {
        this.positions = positions;
        this.changes = changes;
        this.phoneChanges = phoneChanges;
        this.phones = phones;
        this.presence = presence;
        this.stations = stations;
        this.scope = scope;
        this.clock = clock;
    }

    /** A position as the console shows it; {@code presence} is null for a disabled position (it is never rung). */
    record PositionView(String id, String station, String stationName, String name, String username, boolean enabled, String presence,
                        PhoneView phone) {
    }

    /**
     * The position's phone: {@code kind} REGISTERING (with its SIP username and registration) or STATIC (its contact) or
     * NONE; {@code configured} when it is set in the server's configuration and cannot be changed here.
     */
    record PhoneView(String kind, String sipUser, String contact, boolean configured, RegistrationView registration) {
    }

    /**
     * REGISTERED (at {@code contacts}, each until its expiry), EXPIRED (registered until {@code lastBoundUntil}), NEVER_REGISTERED,
     * or UNKNOWN while the database is away.
     */
    record RegistrationView(String state, List<ContactView> contacts, Instant lastBoundUntil) {
    }

    record ContactView(String contact, Instant expiresAt) {
    }

    /** The positions of one station's subtree (default: the administrator's home station), by station then id. */
    @GetMapping
    List<PositionView> list(@RequestParam(required = false) String station, Authentication auth) {
        StationTree tree = stations.tree();
        StationId top = station == null ? StationScope.principal(auth).station() : StationsController.existing(station, tree);
        scope.requireVisible(auth, top);
        Instant now = clock.instant();
        return positions.all().stream().filter(p -> tree.contains(p.station()) && tree.isWithin(p.station(), top)).map(p -> view(p, now)).toList();
    }

    @GetMapping("/{id}")
    PositionView one(@PathVariable String id, Authentication auth) {
        return view(inScope(id, auth), clock.instant());
    }

    record NewPosition(@NotBlank String id, @NotBlank String station, @NotBlank String name) {
    }

    @PostMapping
    ResponseEntity<PositionView> create(@Valid @RequestBody NewPosition body, Authentication auth) {
        StationId station = StationsController.existing(body.station(), stations.tree());
        scope.requireVisible(auth, station);
        Position p = changes.create(new OperatorId(body.id().strip()), station, body.name(), auth.getName());
        return ResponseEntity.created(URI.create("/api/admin/positions/" + p.id().value())).body(view(p, clock.instant()));
    }

    record Rename(@NotBlank String name) {
    }

    @PutMapping("/{id}/name")
    PositionView rename(@PathVariable String id, @Valid @RequestBody Rename body, Authentication auth) {
        Position p = inScope(id, auth);
        return view(changes.rename(p.id(), body.name(), auth.getName()), clock.instant());
    }

    record Seat(@NotBlank String username) {
    }

    /** Seats an operator of the position's station at it. */
    @PutMapping("/{id}/seat")
    PositionView seat(@PathVariable String id, @Valid @RequestBody Seat body, Authentication auth) {
        Position p = inScope(id, auth);
        return view(changes.seat(p.id(), body.username().strip(), auth.getName()), clock.instant());
    }

    @DeleteMapping("/{id}/seat")
    PositionView unseat(@PathVariable String id, Authentication auth) {
        Position p = inScope(id, auth);
        return view(changes.unseat(p.id(), auth.getName()), clock.instant());
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    /** Takes the position out of service ({@code false}: OFFLINE, never rung) or back in. */
    @PutMapping("/{id}/enabled")
    PositionView enable(@PathVariable String id, @Valid @RequestBody Enabled body, Authentication auth) {
        Position p = inScope(id, auth);
        return view(changes.enable(p.id(), body.enabled(), auth.getName()), clock.instant());
    }

    /** {@code REGISTERING} (optional {@code sipUser}) generates credentials; {@code STATIC} needs {@code contact}. */
    record SetPhone(@NotNull PhoneKind kind, String sipUser, String contact) {
    }

    enum PhoneKind { REGISTERING, STATIC }

    /** The credentials of a registering phone, shown this once: only HA1 is kept. */
    record CredentialsView(String position, String sipUser, String password, String realm, PositionView positionNow) {
    }

    @PutMapping("/{id}/phone")
    ResponseEntity<?> setPhone(@PathVariable String id, @Valid @RequestBody SetPhone body, Authentication auth) {
        Position p = inScope(id, auth);
        if (body.kind() == PhoneKind.STATIC) {
            if (body.contact() == null || body.contact().isBlank()) {
                throw new IllegalArgumentException("contact: a static phone needs its sip: or sips: URI");
            }
            phoneChanges.setStatic(p.id(), body.contact(), auth.getName());
            return ResponseEntity.ok(view(p, clock.instant()));
        }
        Optional<String> sipUser = Optional.ofNullable(body.sipUser()).map(String::strip).filter(s -> !s.isEmpty());
        return credentials(p, phoneChanges.generate(p.id(), sipUser, auth.getName()));
    }

    /** New credentials for the position's registering phone (the old ones stop working at once). */
    @PostMapping("/{id}/phone/credentials")
    ResponseEntity<CredentialsView> regenerate(@PathVariable String id, Authentication auth) {
        Position p = inScope(id, auth);
        if (!(phones.phoneOf(p.id()).orElse(null) instanceof OperatorPhone.Registering)) {
            throw new IllegalArgumentException("position " + p.id() + " has no registering phone to give new credentials to");
        }
        return credentials(p, phoneChanges.generate(p.id(), Optional.empty(), auth.getName()));
    }

    @DeleteMapping("/{id}/phone")
    PositionView removePhone(@PathVariable String id, Authentication auth) {
        Position p = inScope(id, auth);
        phoneChanges.remove(p.id(), auth.getName());
        return view(p, clock.instant());
    }

    private ResponseEntity<CredentialsView> credentials(Position p, PhoneChanges.NewCredentials c) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CredentialsView(p.id().value(), c.sipUser(), c.password(), c.realm(), view(p, clock.instant())));
    }

    private Position inScope(String id, Authentication auth) {
        Position p;
        try {
            p = positions.find(new OperatorId(id)).orElseThrow(() -> new NoSuchElementException("no position " + id));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("no position " + Problems.echo(id));
        }
        scope.requireVisible(auth, p.station());
        return p;
    }

    private PositionView view(Position stale, Instant now) {
        Position p = positions.find(stale.id()).orElse(stale);
        StationTree tree = stations.tree();
        String stationName = tree.contains(p.station()) ? tree.get(p.station()).name() : p.station().value();
        String presenceNow = p.enabled() && tree.contains(p.station()) ? presence.presenceOf(p.id()).name() : null;
        return new PositionView(p.id().value(), p.station().value(), stationName, p.name(), p.username().orElse(null), p.enabled(), presenceNow,
                phone(p.id(), now));
    }

    private PhoneView phone(OperatorId id, Instant now) {
        boolean configured = phoneChanges.configured(id);
        OperatorPhone phone = phones.phoneOf(id).orElse(null);
        if (phone instanceof OperatorPhone.Static s) {
            return new PhoneView("STATIC", null, s.contactUri(), configured, null);
        }
        if (phone instanceof OperatorPhone.Registering r) {
            return new PhoneView("REGISTERING", r.sipUsername(), null, configured, registration(r.sipUsername(), now));
        }
        return new PhoneView("NONE", null, null, configured, null);
    }

    private RegistrationView registration(String sipUser, Instant now) {
        Registration r;
        try {
            r = phones.registrar().registrationOf(sipUser, now);
        } catch (BindingStore.Unavailable e) {
            return new RegistrationView("UNKNOWN", List.of(), null);
        }
        return new RegistrationView(r.state().name(), r.active().stream().map(b -> new ContactView(b.contactUri(), b.expiresAt())).toList(),
                r.lastBoundUntil().orElse(null));
    }
}
