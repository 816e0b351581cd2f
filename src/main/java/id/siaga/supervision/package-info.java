/**
 * Answer-time SLA, escalation accountability (who let calls ring, whose phone declined them), time to on-scene and
 * the live board's figures for a station's subtree, computed from what the call pipeline and dispatch leave behind:
 * call records, live calls, the journal's {@code CallEscalated}, {@code LegRang} and {@code LegFailed} entries (read
 * as the call's events, {@link id.siaga.telephony.event.CallEvents}, never by JSON path), and
 * the incidents' clocks (through the {@link id.siaga.supervision.IncidentTimes} port), and the prank figures and
 * persistent prank numbers ({@link id.siaga.supervision.PrankBoard}, counted by screening's {@code PrankHistory} port). The computations (shares
 * within 10/15/20 s, percentiles, per-hour buckets, the escalation and decline tallies, on-scene shares) are plain
 * Java over plain values; {@link id.siaga.supervision.SupervisionBoard} gathers their inputs. It reads events and
 * never writes them; it knows nothing of Spring, HTTP or SQL.
 */
package id.siaga.supervision;
