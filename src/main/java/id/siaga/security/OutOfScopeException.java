package id.siaga.security;

import id.siaga.org.StationId;

/** A user asked for data of a station outside their home station's subtree. */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String username, StationId home, StationId asked) {
        super("station " + asked + " is outside the scope of " + username + " (home station " + home + ")");
    }
}
