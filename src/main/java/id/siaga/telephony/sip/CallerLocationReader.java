package id.siaga.telephony.sip;

import id.siaga.telephony.CallerPosition;

/** Reads the caller's location out of an INVITE's Geolocation header and body (PIDF-LO by value). */
@FunctionalInterface
public interface CallerLocationReader {

    /** The position, or null with the reason it is missing or unusable. */
    record Result(CallerPosition position, String problem) {
    }

    Result read(String geolocationHeader, String contentType, byte[] body);
}
