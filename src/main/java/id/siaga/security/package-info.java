/**
 * Who may do what, and see what: users with roles and a home station, API keys for integration clients,
 * password hashing, and the station scope rule — a user sees their home station and everything below it.
 * Spring Security lives here and in {@code web}; domain packages never see it.
 */
package id.siaga.security;
