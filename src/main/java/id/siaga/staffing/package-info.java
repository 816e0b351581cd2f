/**
 * Staffing: how many operators each station needs at each hour of its local day for Polri's answer targets (90 % of
 * calls within 10 s, 95 % within 20 s), from the station's own call history. {@link id.siaga.staffing.ErlangC} is the
 * queueing arithmetic (Erlang B's recursion turned into C, so a national hour of thousands of calls neither overflows
 * nor loses precision); {@link id.siaga.staffing.StaffingPlanner} turns call records
 * ({@link id.siaga.telephony.CallRecord}) into per-hour arrivals, handling times and operators; what a call costs an
 * operator is one function, {@link id.siaga.staffing.HandlingTime}, the seam where the per-call classification at
 * wrap-up (issue 16) will come in. {@link id.siaga.staffing.StaffingPlans} reads the history of a station's subtree
 * through the {@link id.siaga.telephony.CallRecordStore} port. Plain Java: it reads the station tree and the call
 * history and writes nothing; no Spring, HTTP or SQL. docs/STAFFING.md has the formulas, the check figures and the
 * limits.
 */
package id.siaga.staffing;
