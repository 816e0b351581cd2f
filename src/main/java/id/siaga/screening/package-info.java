/**
 * Silent and prank calls, without ever blocking one: what each answered call was (its classification at wrap-up), and
 * the reputation of callers' numbers built from it (marks that decay with a half-life, cleared or trusted by
 * supervisors), read by the call path to show the operator before the answer; and deterrence: the prank figures'
 * port ({@code PrankHistory}, counted where the calls are kept), which station a repeat prank number belongs to and how
 * it is masked elsewhere ({@code PrankNumbers}), and the SMS warning to a number that keeps pranking
 * ({@code PrankWarningRule}, {@code PrankWarnings}: never a trusted number, never after a genuine call). Plain Java: no Spring, no JDBC, no
 * journal; its store is a port, and its changes go to a listener the wiring journals.
 */
package id.siaga.screening;
