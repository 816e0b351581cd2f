/**
 * The escalation ladder: pure decisions of whom to ring next, from call state, time and policy (tier
 * 0 the caller's station, widening or moving up the tree, skipping stations with nobody READY or not
 * LIVE, Mabes never giving up). Plain Java with an injected Clock; may use org and location. Built
 * with the SIP issue.
 */
package id.siaga.routing;
