/**
 * The simulator of a day (issue 16 part 8): a Polda's or a station's days of 110 calls run on a virtual clock, far faster
 * than real time and the same for the same seed, over the real call rules where they are pure (the escalation ladder of
 * {@code routing}, the reputation of {@code screening}, the Erlang C planner of {@code staffing}); the callers, the
 * operators and the gate are modelled, each assumption named in {@link id.siaga.simulation.Scenario} and
 * docs/SIMULATOR.md. Plain Java: no Spring, no JDBC, no SIP, no threads, no sockets; its only I/O is the command line of
 * {@link id.siaga.simulation.SimulateDay}. Nothing in the service uses it.
 */
package id.siaga.simulation;
