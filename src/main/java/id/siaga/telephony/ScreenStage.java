package id.siaga.telephony;

/**
 * Screen: where silent and prank calls will be classified and the caller's reputation weighed (issue 16), without
 * ever blocking: a real emergency from a flagged number must still get through. Until then every call passes as is.
 */
final class ScreenStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        return call;
    }
}
