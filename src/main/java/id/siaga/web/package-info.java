/**
 * The HTTP face: REST controllers, problem+json errors, request limits, the live call stream (Server-Sent
 * Events) and (later) the static console. DTOs only; every rule lives in the capability it belongs to.
 */
package id.siaga.web;
