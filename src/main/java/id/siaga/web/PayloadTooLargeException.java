package id.siaga.web;

/** A request body went past {@code siaga.access.max-request-body}. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limitBytes) {
        super("request body is larger than " + limitBytes + " bytes");
    }
}
