/**
 * Answer-time SLA, escalation accountability (who let calls ring) and the live board's figures for a station's
 * subtree, computed from what the call pipeline leaves behind: call records, live calls and the journal's
 * {@code CallEscalated} entries. The computations (shares within 10/15/20 s, percentiles, per-hour buckets, the
 * escalation tally) are plain Java over plain values; {@link id.siaga.supervision.SupervisionBoard} gathers their
 * inputs. It reads events and never writes them; it knows nothing of Spring, HTTP or SQL.
 */
package id.siaga.supervision;
