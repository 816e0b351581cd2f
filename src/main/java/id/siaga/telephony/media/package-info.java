/**
 * The media plane's adapter: rtpengine (Sipwise's RTP relay) driven over its ng control protocol, bencoded
 * dictionaries over UDP. {@link id.siaga.telephony.media.Rtpengine} anchors a call's SDP, records it, plays prompts
 * to a party and releases it, in rtpengine's words (call-id, from-tag, to-tag) but without its dictionaries; it picks
 * a live instance for each new call and keeps every later command of the call on that instance.
 * {@link id.siaga.telephony.media.DtmfLogListener} hears the keypresses rtpengine reports. It decides nothing about
 * calls: when to anchor, record or play is the call path's job. Used only by {@code telephony} and {@code app}.
 */
package id.siaga.telephony.media;
