package id.siaga.routing;

/** What happens to the phones of a tier when the call climbs to the next one. */
public enum EscalationMode {
    /** The lower tier keeps ringing and the parent's operators are added: first answer anywhere wins. */
    WIDEN,
    /** The lower tier's legs are cancelled; only the parent rings. */
    MOVE
}
