package id.siaga.security;

/** What a person or client does in the 110 service. */
public enum Role {
    /** Takes 110 calls at a station. */
    OPERATOR,
    /** Creates incidents and sends units. */
    DISPATCHER,
    /** Watches answer times and who let calls ring; sees their station and everything below it. */
    SUPERVISOR,
    /** Runs the system: rollout status, users, API keys. */
    ADMIN,
    /** A patrol officer with the field app. */
    FIELD_OFFICER,
    /** Another system (Binmas Online System, Polisiku) calling the API with a key. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }
}
