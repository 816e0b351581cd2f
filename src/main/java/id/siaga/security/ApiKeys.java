package id.siaga.security;

import id.siaga.org.StationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Issues and checks API keys of the form {@code keyId.secret}. The secret has 256 random bits, so a plain
 * SHA-256 of it is safe to store (no slow hash needed, unlike a password).
 */
public final class ApiKeys {

    /** A key as handed to the client, once. */
    public record IssuedKey(String keyId, String apiKey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final ApiClientStore store;
    private final Clock clock;

    public ApiKeys(ApiClientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public IssuedKey issue(String name, Set<Role> roles, StationId station) {
        String keyId = "k" + HEX.formatHex(random(8));
        String secret = HEX.formatHex(random(32));
        store.save(new ApiClient(keyId, name, sha256(secret), roles, station, clock.instant(), null));
        return new IssuedKey(keyId, keyId + "." + secret);
    }

    /** Every client, newest first: what the administration lists (never a secret: only its hash is kept). */
    public java.util.List<ApiClient> all() {
        return store.all().stream().sorted(java.util.Comparator.comparing(ApiClient::createdAt).reversed()).toList();
    }

    public Optional<ApiClient> find(String keyId) {
        return store.find(keyId);
    }

    /**
     * Revokes the key: from now on it authenticates nothing on any node (each request reads the store), and the sockets
     * it opened are closed at their next check. Empty when it was revoked already.
     */
    public Optional<ApiClient> revoke(String keyId) {
        ApiClient client = store.find(keyId).orElseThrow(() -> new java.util.NoSuchElementException("no API key " + keyId));
        if (client.revoked().isPresent()) {
            return Optional.empty();
        }
        ApiClient revoked = new ApiClient(client.keyId(), client.name(), client.secretSha256(), client.roles(), client.station(),
                client.createdAt(), clock.instant());
        store.save(revoked);
        return Optional.of(revoked);
    }

    /** The client that owns this key, if the key is well-formed, known, not revoked and the secret matches. */
    public Optional<ApiClient> authenticate(String apiKey) {
        int dot = apiKey == null ? -1 : apiKey.indexOf('.');
        if (dot <= 0 || dot == apiKey.length() - 1) {
            return Optional.empty();
        }
        String keyId = apiKey.substring(0, dot);
        byte[] presented = sha256(apiKey.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
        return store.find(keyId)
                .filter(c -> c.revoked().isEmpty())
                .filter(c -> MessageDigest.isEqual(presented, c.secretSha256().getBytes(StandardCharsets.US_ASCII)));
    }

    static String sha256(String secret) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
