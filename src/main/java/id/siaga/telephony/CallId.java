package id.siaga.telephony;

import java.util.UUID;

/** Identifier of one emergency call, independent of any SIP Call-ID. */
public record CallId(String value) {

    public CallId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("call id must be 1-64 characters");
        }
    }

    public static CallId random() {
        return new CallId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
