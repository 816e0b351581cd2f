/**
 * Silent and prank calls, without ever blocking one: what each answered call was (its classification at wrap-up), and
 * the reputation of callers' numbers built from it (marks that decay with a half-life, cleared or trusted by
 * supervisors), read by the call path to show the operator before the answer. Plain Java: no Spring, no JDBC, no
 * journal; its store is a port, and its changes go to a listener the wiring journals.
 */
package id.siaga.screening;
