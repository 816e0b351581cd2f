/**
 * Drill mode ("latihan"): simulated citizens calling 110 through the real SIP edge, simulated operator phones
 * answering (or letting it ring), simulated reports, dispatches and units driving with real GPS reports, so a
 * newcomer sees a living system and a station can train. Uses telephony's SIP stack as an outside user agent
 * would, and incident, dispatch and tracking through their public APIs; nothing depends on it. Off unless
 * {@code siaga.drill.enabled=true}.
 */
package id.siaga.drill;
