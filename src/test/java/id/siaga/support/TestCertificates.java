package id.siaga.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away TLS identity made at test time with the JDK's keytool (never a private key in the repository): a
 * PKCS#12 keystore with one self-signed EC key for 127.0.0.1 and localhost under {@code alias}, and a PKCS#12 trust store
 * holding its certificate, both with a random password, in a fresh temporary folder.
 */
public record TestCertificates(Path keyStore, Path trustStore, String password, String alias) {

    /** Makes the keystore and the trust store (a few hundred milliseconds of keytool). */
    public static TestCertificates generate(String alias) {
        try {
            Path dir = Files.createTempDirectory("siaga-tls-");
            dir.toFile().deleteOnExit();
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path keyStore = dir.resolve("siaga110-test.p12");
            Path certificate = dir.resolve("siaga110-test.crt");
            Path trustStore = dir.resolve("siaga110-test-trust.p12");
            keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Siaga 110 test",
                    "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", password, "-keypass", password);
            keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", password, "-rfc", "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "PKCS12",
                    "-keystore", trustStore.toString(), "-storepass", password);
            for (Path p : List.of(keyStore, certificate, trustStore)) {
                p.toFile().deleteOnExit();
            }
            return new TestCertificates(keyStore, trustStore, password, alias);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make test certificates: " + e.getMessage(), e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = p.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A client's TLS context that trusts this certificate (and nothing else). */
    public SSLContext trustingContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server's TLS context that shows this certificate and trusts it from clients. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
