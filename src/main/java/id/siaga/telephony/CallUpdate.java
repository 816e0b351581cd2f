package id.siaga.telephony;

/** A change in a live call, for consoles: the event's name and the call as it now stands. */
public record CallUpdate(String event, CallView call) {
}
