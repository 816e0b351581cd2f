package id.siaga.telephony;

import java.time.Instant;
import java.util.List;

/** A live call as consoles and the API see it. */
public record CallView(String id, String callerNumber, String state, String station, String currentStation, int tier,
                       Instant offeredAt, Instant answeredAt, String answeredBy, List<String> ringing) {
}
