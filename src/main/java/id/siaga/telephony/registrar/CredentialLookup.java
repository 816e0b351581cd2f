package id.siaga.telephony.registrar;

import java.util.Optional;

/**
 * Finds the credential a SIP username must prove. Empty for a username the service does not know, which
 * the authenticator refuses like a wrong password (the caller cannot tell the two apart).
 */
@FunctionalInterface
public interface CredentialLookup {

    Optional<DigestCredential> credentialFor(String username);
}
