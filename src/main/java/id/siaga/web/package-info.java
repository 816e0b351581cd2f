/**
 * The HTTP face: REST controllers, problem+json errors, request limits, the live call stream (Server-Sent
 * Events) and (later) the static console. DTOs only; every rule lives in the capability it belongs to. Never uses
 * {@code app}, the wiring: what web needs from it is an interface web owns ({@link id.siaga.web.MapTiles},
 * {@link id.siaga.web.RequestBodyLimit}, {@link id.siaga.web.PublicRequestRate}) or a capability's port
 * ({@link id.siaga.org.PresenceChanges}, {@link id.siaga.org.RolloutChanges}), and app implements it.
 */
package id.siaga.web;
