/**
 * Who may do what, and see what: users with roles and a home station, API keys for integration clients,
 * password hashing, and the station scope rule — a user sees their home station and everything below it. Accounts are
 * administered within the same rule ({@link id.siaga.security.UserAdministration}: an administrator manages its subtree,
 * administrators are made from above), and each logged-in request is held against the stored account
 * ({@link id.siaga.security.AccountStateFilter}: disabled accounts' sessions end, temporary passwords are changed first). Also the
 * defences of the doors: password guessing slowed and stopped per user and per address ({@link id.siaga.security.LoginThrottle}),
 * CSRF tokens bound to the session, the Content-Security-Policy and the other browser headers. Spring Security lives here
 * and in {@code web}; domain packages never see it. Locks and account changes are journalled by whoever wires the throttle
 * and the administration ({@code app}): this package does not use the journal.
 */
package id.siaga.security;
