/**
 * Who may do what, and see what: users with roles and a home station, API keys for integration clients,
 * password hashing, and the station scope rule — a user sees their home station and everything below it. Also the
 * defences of the doors: password guessing slowed and stopped per user and per address ({@link id.siaga.security.LoginThrottle}),
 * CSRF tokens bound to the session, the Content-Security-Policy and the other browser headers. Spring Security lives here
 * and in {@code web}; domain packages never see it. Locks are journalled by whoever wires the throttle ({@code app}):
 * this package does not use the journal.
 */
package id.siaga.security;
