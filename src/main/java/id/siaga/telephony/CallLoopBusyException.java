package id.siaga.telephony;

/**
 * The call loop did not find time to list live calls within five seconds: it is busy with calls, which
 * come first. Consoles should retry; the API answers 503.
 */
public class CallLoopBusyException extends RuntimeException {

    public CallLoopBusyException() {
        super("the call pipeline is too busy to list live calls right now; try again in a moment");
    }
}
