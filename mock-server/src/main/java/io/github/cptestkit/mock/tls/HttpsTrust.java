package io.github.cptestkit.mock.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a client trusts the mock's HTTPS port: the certificate authority the mock made at start (it signed the
 * server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}), as a PEM file, as a PKCS12 trust
 * store, and as trust managers for code that builds its own HTTP client. Nothing machine-wide is changed.
 *
 * <pre>{@code
 * CodePipelineMock mock = CodePipelineMock.builder().httpsPort(0).build().start();
 * HttpsTrust trust = mock.https();
 * // AWS SDK for Java v2: TlsTrustManagersProvider is a functional interface
 * SdkHttpClient http = ApacheHttpClient.builder().tlsTrustManagersProvider(trust::trustManagers).build();
 * // boto3, the AWS CLI: AWS_CA_BUNDLE=<trust.caCertificateFile()>; Node.js: NODE_EXTRA_CA_CERTS=<same>
 * // any JVM: -Djavax.net.ssl.trustStore=... (see javaTrustStoreProperties())
 * }</pre>
 *
 * @param caCertificate      the CA certificate
 * @param caCertificateFile  the CA certificate, PEM
 * @param trustStoreFile     a PKCS12 trust store holding only the CA certificate
 * @param trustStorePassword the trust store's password (it guards no secret)
 */
public record HttpsTrust(X509Certificate caCertificate, Path caCertificateFile, Path trustStoreFile,
        String trustStorePassword) {

    /**
     * Every component is required.
     *
     * @param caCertificate      the CA certificate
     * @param caCertificateFile  the CA certificate, PEM
     * @param trustStoreFile     a PKCS12 trust store holding only the CA certificate
     * @param trustStorePassword the trust store's password (it guards no secret)
     */
    public HttpsTrust {
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(caCertificateFile, "caCertificateFile");
        Objects.requireNonNull(trustStoreFile, "trustStoreFile");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    /**
     * Trust managers that trust the mock's CA only.
     *
     * @return new trust managers of the JDK's default algorithm, e.g. for the SDK's {@code tlsTrustManagersProvider}
     * @throws IllegalStateException when the JDK cannot make them
     */
    public TrustManager[] trustManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("codepipeline-mock-ca", caCertificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make trust managers for the mock's CA: " + e.getMessage(),
                    e);
        }
    }

    /**
     * A TLS context that trusts the mock's CA only, e.g. for the AWS SDK for Java v1's Apache client.
     *
     * @return a new, initialised {@code TLS} context with {@link #trustManagers()} and no key managers
     * @throws IllegalStateException when the JDK cannot make it
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * The system properties that make a JVM trust the mock's CA ({@code javax.net.ssl.trustStore},
     * {@code ...TrustStoreType}, {@code ...TrustStorePassword}): they replace the JVM's default trust store, so that
     * JVM then reaches only the mock over HTTPS.
     *
     * @return the three properties and their values, in that order, for {@code -D} options or
     *         {@link System#setProperty}
     */
    public Map<String, String> javaTrustStoreProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("javax.net.ssl.trustStore", trustStoreFile.toString());
        properties.put("javax.net.ssl.trustStoreType", "PKCS12");
        properties.put("javax.net.ssl.trustStorePassword", trustStorePassword);
        return properties;
    }

    /**
     * The trust store file read back, for clients that take a {@link KeyStore}.
     *
     * @return a loaded PKCS12 store holding only the CA certificate
     * @throws UncheckedIOException  when the file cannot be read
     * @throws IllegalStateException when the JDK cannot load it
     */
    public KeyStore trustStore() {
        try (InputStream in = Files.newInputStream(trustStoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, trustStorePassword.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust store " + trustStoreFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + trustStoreFile + ": " + e.getMessage(),
                    e);
        }
    }
}
