package id.siaga.web;

/**
 * How many requests one client address may make to the login-free public API per minute before getting 429. Web
 * owns what it needs to know; the settings that say it ({@code siaga.integration.public-requests-per-minute})
 * implement it.
 */
public interface PublicRequestRate {

    /** Requests per client address per minute, at least 1. */
    int publicRequestsPerMinute();
}
