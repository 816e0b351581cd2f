package id.siaga.security;

import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts managed by administrators, and each user's own password. The rules:
 * <ul>
 * <li>an administrator manages the users whose home station is within their own subtree, and gives no home station
 * outside it (a Polda's administrator manages that Polda's people, Mabes everybody);</li>
 * <li>an administrator account is made, and managed, only from above its home station: a Polda's administrators by
 * Mabes, a Polres's by its Polda; Mabes's own by Mabes (nothing is above it);</li>
 * <li>nobody disables themselves, changes their own roles or home station, or resets their own password here (they
 * change it themselves, knowing the current one); no change leaves the service without an enabled administrator at
 * its root station;</li>
 * <li>passwords an administrator hands out are generated, shown once, and must be changed by their user at the next
 * login; every password is kept only as its bcrypt hash.</li>
 * </ul>
 * Every change is journalled through {@link Journalling}, with what was before and after, never a password or hash.
 */
public final class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int MAX_DISPLAY_NAME = 200;

    /** Where account changes go: the journal, under the user, by the actor. */
    @FunctionalInterface
    public interface Journalling {
        void record(String type, String username, String actor, Map<String, Object> facts);
    }

    /** An account with the temporary password that was just set on it, to be shown once. */
    public record Issued(UserAccount account, String temporaryPassword) {
    }

    /** A change of an account's profile; a null field stays as it is. */
    public record ProfileChange(String displayName, Set<Role> roles, StationId station) {
    }

    private final UserAccountStore users;
    private final StationDirectory stations;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Journalling journal;

    public UserAdministration(UserAccountStore users, StationDirectory stations, PasswordEncoder encoder, LoginThrottle throttle,
                              Journalling journal) {
        this.users = users;
        this.stations = stations;
        this.encoder = encoder;
        this.throttle = throttle;
        this.journal = journal;
    }

    /** The accounts whose home station is within the administrator's subtree, by username. */
    public List<UserAccount> visibleTo(SiagaPrincipal actor) {
        StationTree tree = stations.tree();
        return users.all().stream().filter(a -> tree.isWithin(a.station(), actor.station())).toList();
    }

    /** One account within the administrator's subtree; one elsewhere is "not found", as one that does not exist. */
    public UserAccount get(SiagaPrincipal actor, String username) {
        return users.find(username).filter(a -> stations.tree().isWithin(a.station(), actor.station()))
                .orElseThrow(() -> new NoSuchElementException("no user " + username + " at your stations"));
    }

    /** A new enabled account with a temporary password, which its user must change at the first login. */
    public synchronized Issued create(SiagaPrincipal actor, String username, String displayName, Set<Role> roles, StationId station) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3 to 64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit (for example operator.sleman3)");
        }
        String name = displayName(displayName);
        Set<Role> granted = roles(roles);
        requireGrantable(actor, granted, station);
        if (users.find(username).isPresent()) {
            throw new AccountConflictException("username " + username + " is already taken");
        }
        String temporary = PasswordRules.temporary();
        UserAccount account = new UserAccount(username, name, encoder.encode(temporary), granted, station, true, true);
        if (!users.insert(account)) {
            throw new AccountConflictException("username " + username + " is already taken");
        }
        log.info("user {} created by {}: roles {}, home station {}", username, actor.username(), names(granted), station);
        journal.record("UserCreated", username, actor.username(), profile(account));
        return new Issued(account, temporary);
    }

    /** Changes display name, roles or home station. */
    public synchronized UserAccount change(SiagaPrincipal actor, String username, ProfileChange change) {
        UserAccount before = get(actor, username);
        String name = change.displayName() == null ? before.displayName() : displayName(change.displayName());
        Set<Role> roles = change.roles() == null ? before.roles() : roles(change.roles());
        StationId station = change.station() == null ? before.station() : change.station();
        if (isSelf(actor, before) && (!roles.equals(before.roles()) || !station.equals(before.station()))) {
            throw new AccountConflictException("you cannot change your own roles or home station; another administrator can");
        }
        if (!isSelf(actor, before)) {
            requireManageable(actor, before);
        }
        if (!roles.equals(before.roles()) || !station.equals(before.station())) {
            requireGrantable(actor, roles, station);
        }
        UserAccount after = before.withProfile(name, roles, station);
        if (after.equals(before)) {
            return before;
        }
        replaceKeepingAnAdministrator(before, after);
        Map<String, Object> was = profile(before);
        Map<String, Object> now = profile(after);
        was.keySet().removeIf(k -> was.get(k).equals(now.get(k)));
        now.keySet().retainAll(was.keySet());
        log.info("user {} changed by {}: {} -> {}", username, actor.username(), was, now);
        journal.record("UserChanged", username, actor.username(), Map.of("before", was, "after", now));
        return after;
    }

    /** Disables or enables the account; a disabled user's sessions end at their next request. */
    public synchronized UserAccount setEnabled(SiagaPrincipal actor, String username, boolean enabled) {
        UserAccount before = get(actor, username);
        if (isSelf(actor, before)) {
            throw new AccountConflictException("you cannot " + (enabled ? "enable" : "disable") + " your own account");
        }
        requireManageable(actor, before);
        if (before.enabled() == enabled) {
            return before;
        }
        UserAccount after = before.withEnabled(enabled);
        replaceKeepingAnAdministrator(before, after);
        if (enabled) {
            throttle.unlock(username);
        }
        log.info("user {} {} by {}", username, enabled ? "enabled" : "disabled", actor.username());
        journal.record(enabled ? "UserEnabled" : "UserDisabled", username, actor.username(), profile(after));
        return after;
    }

    /** A new temporary password, to be changed at the next login; the user's sessions end and any login lock is lifted. */
    public synchronized Issued resetPassword(SiagaPrincipal actor, String username) {
        UserAccount before = get(actor, username);
        if (isSelf(actor, before)) {
            throw new AccountConflictException("change your own password on the password page, with your current password");
        }
        requireManageable(actor, before);
        String temporary = PasswordRules.temporary();
        UserAccount after = before.withTemporaryPassword(encoder.encode(temporary));
        replace(before, after);
        throttle.unlock(username);
        log.info("password of user {} reset by {}", username, actor.username());
        journal.record("UserPasswordReset", username, actor.username(), Map.of("mustChangePassword", true));
        return new Issued(after, temporary);
    }

    /** The user's own change, which needs the current password; ends a forced change. */
    public synchronized UserAccount changeOwnPassword(String username, String current, String chosen) {
        UserAccount before = users.find(username).orElseThrow(() -> new NoSuchElementException("no user " + username));
        if (current == null || !encoder.matches(current, before.passwordHash())) {
            throw new IllegalArgumentException("the current password is wrong");
        }
        PasswordRules.check(username, chosen);
        if (chosen.equals(current)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        UserAccount after = before.withOwnPassword(encoder.encode(chosen));
        replace(before, after);
        log.info("user {} changed their password{}", username, before.mustChangePassword() ? " (it was a temporary one)" : "");
        journal.record("PasswordChanged", username, username, Map.of("wasRequired", before.mustChangePassword()));
        return after;
    }

    /** Writes the change unless the account changed meanwhile (on another node): then the caller tries again. */
    private void replace(UserAccount before, UserAccount after) {
        if (!users.replace(before, after)) {
            throw new AccountConflictException("the account " + before.username() + " was changed meanwhile; look at it again and retry");
        }
    }

    /**
     * The first administrator of a new installation, at the root station, unless an enabled administrator exists: then
     * nothing, and the caller says so. The password is the one given (checked against the rules) or a generated one;
     * either way it must be changed at the first login.
     */
    public synchronized Optional<Issued> bootstrap(String username, String displayName, String password) {
        Optional<UserAccount> existing = users.all().stream().filter(a -> a.enabled() && a.has(Role.ADMIN)).findFirst();
        if (existing.isPresent()) {
            return Optional.empty();
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (users.find(username).isPresent()) {
            throw new AccountConflictException("username " + username + " is already taken by an account that is not an enabled "
                    + "administrator; choose another");
        }
        String given = password == null || password.isBlank() ? null : password;
        if (given != null) {
            PasswordRules.check(username, given);
        }
        String secret = given == null ? PasswordRules.temporary() : given;
        StationId root = stations.tree().root().id();
        UserAccount account = new UserAccount(username, displayName(displayName), encoder.encode(secret), Set.of(Role.ADMIN), root, true,
                true);
        if (!users.insert(account)) {
            return Optional.empty(); // another node starting with the same setting made it a moment ago
        }
        Map<String, Object> facts = profile(account);
        facts.put("passwordGenerated", given == null);
        journal.record("AdministratorBootstrapped", username, "system", facts);
        return Optional.of(new Issued(account, given == null ? secret : null));
    }

    private static boolean isSelf(SiagaPrincipal actor, UserAccount target) {
        return actor.username().equals(target.username());
    }

    /** An administrator account is managed only from above its home station (or by another at the root). */
    private void requireManageable(SiagaPrincipal actor, UserAccount target) {
        if (target.has(Role.ADMIN)) {
            requireAbove(actor, target.station(), "manage the administrator " + target.username());
        }
    }

    private void requireGrantable(SiagaPrincipal actor, Set<Role> roles, StationId station) {
        StationTree tree = stations.tree();
        if (station == null || !tree.contains(station)) {
            throw new IllegalArgumentException("unknown home station " + station);
        }
        if (!tree.isWithin(station, actor.station())) {
            throw new OutOfScopeException(actor.username(), actor.station(), station);
        }
        if (roles.contains(Role.ADMIN)) {
            requireAbove(actor, station, "make an administrator at " + tree.get(station).name());
        }
    }

    private void requireAbove(SiagaPrincipal actor, StationId station, String what) {
        StationId root = stations.tree().root().id();
        if (station.equals(actor.station()) && !actor.station().equals(root)) {
            throw new AccessDeniedException("only an administrator above " + stations.tree().get(station).name() + " may " + what);
        }
    }

    /**
     * Writes the change; one that takes away an administrator at the root only while another remains there, checked and
     * written in one step for the whole cluster (two root administrators disabling each other at once on two nodes: the
     * second is refused).
     */
    private void replaceKeepingAnAdministrator(UserAccount before, UserAccount after) {
        StationId root = stations.tree().root().id();
        if (!rootAdministrator(before, root) || rootAdministrator(after, root)) {
            replace(before, after);
            return;
        }
        switch (users.replaceKeepingAnAdministrator(before, after, root)) {
            case REPLACED -> { }
            case CHANGED_MEANWHILE -> throw new AccountConflictException("the account " + before.username()
                    + " was changed meanwhile; look at it again and retry");
            case NO_OTHER_ADMINISTRATOR -> throw new AccountConflictException(before.username() + " is the last enabled administrator at "
                    + stations.tree().get(root).name() + "; make another first");
        }
    }

    private static boolean rootAdministrator(UserAccount a, StationId root) {
        return a.enabled() && a.has(Role.ADMIN) && a.station().equals(root);
    }

    private static String displayName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_DISPLAY_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("display name must be 1 to " + MAX_DISPLAY_NAME + " characters without control characters");
        }
        return trimmed;
    }

    private static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is needed");
        }
        return EnumSet.copyOf(roles);
    }

    private static Set<String> names(Set<Role> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names;
    }

    /** What the journal keeps of an account: never its password or hash. */
    private static Map<String, Object> profile(UserAccount a) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("displayName", a.displayName());
        facts.put("roles", String.join(" ", names(a.roles())));
        facts.put("station", a.station().value());
        facts.put("enabled", a.enabled());
        return facts;
    }
}
