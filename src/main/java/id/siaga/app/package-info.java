/**
 * Wiring: configuration properties (one record per capability), the Spring beans that assemble the
 * plain-Java capabilities, and the thin application services that pair a domain change with its journal
 * entry. Holds no rules of its own.
 */
package id.siaga.app;
