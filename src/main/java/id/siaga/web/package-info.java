/**
 * The HTTP face: REST controllers, problem+json errors, request limits and (later) WebSocket streams and
 * the static console. DTOs only; every rule lives in the capability it belongs to.
 */
package id.siaga.web;
