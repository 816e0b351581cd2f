/**
 * The recordings of 110 calls as evidence: rtpengine records each anchored call as a pcap; this package turns that pcap
 * into one stereo WAV (caller left, operator right: {@link id.siaga.telephony.recording.PcapToWav}), keeps it under the
 * recordings directory with its SHA-256, indexes it ({@link id.siaga.telephony.recording.RecordingStore}), journals it
 * and lets it expire after the retention period ({@link id.siaga.telephony.recording.CallRecordings}); at start it
 * finishes the recordings an earlier run left ({@link id.siaga.telephony.recording.RecordingRecovery}). It reads files
 * and the journal; it does not talk to rtpengine (it asks through a port the media plane's adapter fills) and knows
 * nothing of HTTP or SQL.
 */
package id.siaga.telephony.recording;
