package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Position;
import id.siaga.org.PositionChanges;
import id.siaga.org.PositionConflictException;
import id.siaga.org.PositionPhones;
import id.siaga.org.PositionStore;
import id.siaga.org.Presence;
import id.siaga.org.PresenceChanges;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import id.siaga.telephony.registrar.BindingStore;
import id.siaga.telephony.registrar.DigestCredential;
import id.siaga.telephony.registrar.OperatorPhone;
import id.siaga.telephony.registrar.OperatorPhones;
import id.siaga.telephony.registrar.PhoneChanges;
import id.siaga.telephony.registrar.PhoneStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Positions and their phones as administered: each change is stored, journalled with who made it (never a password),
 * and put in force at once: the live {@link OperatorRoster} and {@link OperatorPhones} are rebuilt from the database.
 * In a cluster the other nodes hear "positions changed" over the bus and rebuild theirs from the same database
 * ({@link #reload}), and poll it now and then for a notice the bus dropped. Phones named in {@code siaga.telephony.phones}
 * are configuration: they win over the database for their positions, and the console cannot change them.
 */
public final class PositionAdministration implements PositionChanges, PhoneChanges, PositionPhones {

    private static final Logger log = LoggerFactory.getLogger(PositionAdministration.class);
    /** Letters and digits a person can read off a screen without mistaking one for another (no 0/O, 1/l/I). */
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** 20 characters of 55: about 115 bits, far beyond guessing through the registrar's digest challenges. */
    static final int PASSWORD_LENGTH = 20;

    /** What the administration works on. */
    record Parts(PositionStore positions, PhoneStore phones, OperatorRoster roster, OperatorPhones live,
                 Map<OperatorId, OperatorPhone.Static> configured, Supplier<StationTree> tree, UserAccountStore accounts, String realm) {
    }

    private final Parts parts;
    private final PresenceChanges presence;
    private final Journal journal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Told after every change made here: the other nodes of a cluster reload. */
    private volatile Runnable changed = () -> { };

    PositionAdministration(Parts parts, PresenceChanges presence, Journal journal, Clock clock) {
        this.parts = parts;
        this.presence = presence;
        this.journal = journal;
        this.clock = clock;
    }

    /** The roster of the enabled positions whose station is in the tree, as the database has them. */
    static List<Operator> rosterOf(List<Position> positions, StationTree tree) {
        return positions.stream().filter(Position::enabled).filter(p -> {
            if (!tree.contains(p.station())) {
                log.warn("position {} belongs to station {}, which is not in the station tree: it is not rung", p.id(), p.station());
                return false;
            }
            return true;
        }).map(Position::operator).toList();
    }

    /** The phones of the roster's positions: the database's, and the configured static ones over them. */
    static Map<OperatorId, OperatorPhone> phonesOf(Map<OperatorId, OperatorPhone> stored, Map<OperatorId, OperatorPhone.Static> configured,
                                                   OperatorRoster roster) {
        Map<OperatorId, OperatorPhone> phones = new LinkedHashMap<>(stored);
        phones.putAll(configured);
        phones.keySet().removeIf(id -> roster.find(id).isEmpty());
        return phones;
    }

    /** Rebuilds the live roster and phones from the database (a change here, or another node's). */
    public synchronized void reload() {
        parts.roster().replace(rosterOf(parts.positions().all(), parts.tree().get()));
        parts.live().replace(phonesOf(parts.phones().all(), parts.configured(), parts.roster()));
    }

    /** Reads the positions again when {@code id} is not on this node's roster; whether it is now (another node just created it). */
    boolean learn(OperatorId id) {
        if (parts.roster().find(id).isPresent()) {
            return true;
        }
        reload();
        return parts.roster().find(id).isPresent();
    }

    /** In a cluster: how the other nodes hear of a change made here. */
    void onChange(Runnable notice) {
        changed = notice;
    }

    // ---- positions ------------------------------------------------------------------------------------------------

    @Override
    public synchronized Position create(OperatorId id, StationId station, String name, String by) {
        if (!parts.tree().get().contains(station)) {
            throw new NoSuchElementException("no station " + station);
        }
        Position p = new Position(id, station, name, Optional.empty(), true);
        if (!parts.positions().add(p, by, clock.instant())) {
            throw new PositionConflictException("a position " + id + " exists already");
        }
        return done(p, "PositionCreated", by, Map.of("station", station.value(), "name", p.name()));
    }

    @Override
    public synchronized Position rename(OperatorId id, String name, String by) {
        Position before = existing(id);
        Position p = before.renamed(name);
        parts.positions().update(p, by, clock.instant());
        return done(p, "PositionRenamed", by, Map.of("station", p.station().value(), "from", before.name(), "to", p.name()));
    }

    @Override
    public synchronized Position seat(OperatorId id, String username, String by) {
        Position before = existing(id);
        UserAccount account = parts.accounts().find(username).filter(UserAccount::enabled)
                .orElseThrow(() -> new IllegalArgumentException("no enabled account " + username));
        if (!account.roles().contains(Role.OPERATOR)) {
            throw new IllegalArgumentException(username + " is not an operator");
        }
        if (!account.station().equals(before.station())) {
            throw new IllegalArgumentException(username + " belongs to " + account.station() + ", not to the position's station " + before.station());
        }
        Optional<Position> elsewhere = parts.positions().all().stream()
                .filter(o -> !o.id().equals(id) && o.username().filter(username::equals).isPresent()).findFirst();
        if (elsewhere.isPresent()) {
            throw new PositionConflictException(username + " is seated at position " + elsewhere.get().id() + "; unseat them there first");
        }
        if (before.username().filter(username::equals).isPresent()) {
            return before;
        }
        offline(before, by);
        Position p = before.seating(Optional.of(username));
        parts.positions().update(p, by, clock.instant());
        return done(p, "PositionSeated", by, Map.of("station", p.station().value(), "username", username,
                "previous", before.username().orElse("")));
    }

    @Override
    public synchronized Position unseat(OperatorId id, String by) {
        Position before = existing(id);
        if (before.username().isEmpty()) {
            return before;
        }
        offline(before, by);
        Position p = before.seating(Optional.empty());
        parts.positions().update(p, by, clock.instant());
        return done(p, "PositionUnseated", by, Map.of("station", p.station().value(), "username", before.username().get()));
    }

    @Override
    public synchronized Position enable(OperatorId id, boolean enabled, String by) {
        Position before = existing(id);
        if (before.enabled() == enabled) {
            return before;
        }
        if (!enabled) {
            offline(before, by);
        }
        Position p = before.enabled(enabled);
        parts.positions().update(p, by, clock.instant());
        return done(p, enabled ? "PositionEnabled" : "PositionDisabled", by, Map.of("station", p.station().value()));
    }

    // ---- phones ---------------------------------------------------------------------------------------------------

    @Override
    public synchronized NewCredentials generate(OperatorId id, Optional<String> sipUser, String by) {
        Position position = changeablePhone(id);
        Optional<OperatorPhone> before = parts.phones().find(id);
        String user;
        if (before.orElse(null) instanceof OperatorPhone.Registering r && sipUser.filter(u -> !u.equals(r.sipUsername())).isEmpty()) {
            user = r.sipUsername();
        } else {
            user = sipUser.orElseGet(() -> freeSipUser(id));
            Optional<OperatorId> holder = parts.phones().bySipUser(user);
            if (holder.isPresent() && !holder.get().equals(id)) {
                throw new PositionConflictException("the SIP username " + user + " belongs to position " + holder.get());
            }
        }
        String password = password();
        OperatorPhone.Registering phone = new OperatorPhone.Registering(user,
                DigestCredential.ha1(DigestCredential.password(password).ha1(user, parts.realm())));
        parts.phones().put(id, phone, by, clock.instant());
        forgetBindings(before);
        boolean regenerated = before.orElse(null) instanceof OperatorPhone.Registering r && r.sipUsername().equals(user);
        done(position, regenerated ? "PositionPhoneCredentialsRenewed" : "PositionPhoneSet", by,
                Map.of("station", position.station().value(), "kind", "REGISTERING", "sipUser", user, "realm", parts.realm()));
        return new NewCredentials(user, password, parts.realm());
    }

    @Override
    public synchronized OperatorPhone.Static setStatic(OperatorId id, String contactUri, String by) {
        Position position = changeablePhone(id);
        OperatorPhone.Static phone = new OperatorPhone.Static(contactUri == null ? null : contactUri.strip());
        Optional<OperatorPhone> before = parts.phones().find(id);
        parts.phones().put(id, phone, by, clock.instant());
        forgetBindings(before);
        done(position, "PositionPhoneSet", by, Map.of("station", position.station().value(), "kind", "STATIC", "contact", phone.contactUri()));
        return phone;
    }

    @Override
    public synchronized void remove(OperatorId id, String by) {
        Position position = changeablePhone(id);
        Optional<OperatorPhone> before = parts.phones().find(id);
        if (before.isEmpty()) {
            return;
        }
        offline(position, by);
        parts.phones().remove(id);
        forgetBindings(before);
        done(position, "PositionPhoneRemoved", by, Map.of("station", position.station().value()));
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @Override
    public List<OperatorId> registeredAt(StationId station) {
        return parts.roster().atStation(station).stream().map(Operator::id).filter(this::reachable).toList();
    }

    @Override
    public boolean reachable(OperatorId position) {
        return parts.live().reachable(position, clock.instant());
    }

    /** Whether this position's phone is set in configuration ({@code siaga.telephony.phones}), out of the console's reach. */
    @Override
    public boolean configured(OperatorId id) {
        return parts.configured().containsKey(id);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Position existing(OperatorId id) {
        return parts.positions().find(id).orElseThrow(() -> new NoSuchElementException("no position " + id));
    }

    private Position changeablePhone(OperatorId id) {
        Position p = existing(id);
        if (configured(id)) {
            throw new PositionConflictException("the phone of " + id + " is set in the configuration (siaga.telephony.phones); change it there");
        }
        return p;
    }

    /** The position goes OFFLINE on behalf of the administrator, if it is rung now. */
    private void offline(Position p, String by) {
        if (parts.roster().find(p.id()).isPresent()) {
            presence.change(p.id(), Presence.OFFLINE, by);
        }
    }

    /** A registering phone replaced or removed: whatever registered with its credentials is rung no more. */
    private void forgetBindings(Optional<OperatorPhone> before) {
        if (before.orElse(null) instanceof OperatorPhone.Registering r) {
            try {
                parts.live().registrar().forget(r.sipUsername(), clock.instant());
            } catch (BindingStore.Unavailable e) {
                log.warn("the bindings of {} could not be removed now ({}); they lapse at their expiry", r.sipUsername(), e.getMessage());
            }
        }
    }

    /** Journals the change, puts it in force here, tells the other nodes; the position as it is now. */
    private Position done(Position p, String type, String by, Map<String, String> facts) {
        Map<String, String> payload = new LinkedHashMap<>(facts);
        Journal.awaitDurable(List.of(journal.append(type, SubjectKind.OPERATOR, p.id().value(), by, payload)));
        log.info("position {} at {}: {} by {} {}", p.id(), p.station(), type, by, facts);
        reload();
        changed.run();
        return p;
    }

    private String freeSipUser(OperatorId id) {
        String base = id.value().toLowerCase(Locale.ROOT);
        String candidate = base;
        for (int n = 2; parts.phones().bySipUser(candidate).filter(holder -> !holder.equals(id)).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private String password() {
        StringBuilder s = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }
}
