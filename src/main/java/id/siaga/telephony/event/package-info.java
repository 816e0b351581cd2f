/**
 * What the call path journals, as past-tense records: one per row type ({@code CallOffered}, {@code CallRouted},
 * {@code LegRang}, {@code CallEscalated}, {@code CallAnswered}, …), each named as its row, with typed ids, writing
 * exactly the payload the rows have always had. {@link id.siaga.telephony.event.CallEvents} reads a stored row of
 * any of them back, old rows included, so readers (supervision, tests) work with types instead of JSON paths.
 * Plain values only: no SIP, no Spring, no SQL.
 */
package id.siaga.telephony.event;
