package io.github.cptestkit.mock.internal.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The files of one run's TLS setup: the server's key store for WireMock's HTTPS connector (PKCS12 with a random
 * password, readable only by its owner, in a temporary folder) and what clients need to trust the CA: its
 * certificate as PEM ({@code AWS_CA_BUNDLE}, {@code NODE_EXTRA_CA_CERTS}, {@code curl --cacert}) and a PKCS12 trust
 * store holding it ({@code javax.net.ssl.trustStore}). {@link #close()} deletes what lies in the temporary folder;
 * CA files written where the caller asked stay.
 *
 * <pre>{@code
 * try (TlsFiles files = TlsFiles.write(issued, null)) {
 *     options.httpsPort(0).keystorePath(files.serverKeyStore().toString())
 *             .keystorePassword(files.serverKeyStorePassword()).keyManagerPassword(files.serverKeyStorePassword())
 *             .keystoreType("PKCS12");
 * }
 * }</pre>
 */
public final class TlsFiles implements AutoCloseable {

    /** The trust store's password: it guards no secret (the store holds a certificate only), so it is public. */
    public static final String TRUST_STORE_PASSWORD = "changeit";
    /** The file name of the CA certificate when no file was asked for. */
    public static final String CA_FILE_NAME = "codepipeline-mock-ca.pem";
    static final String KEY_ALIAS = "codepipeline-mock";

    private final Path folder;
    private final Path serverKeyStore;
    private final String serverKeyStorePassword;
    private final Path caCertificate;
    private final Path trustStore;

    private TlsFiles(Path folder, Path serverKeyStore, String serverKeyStorePassword, Path caCertificate,
            Path trustStore) {
        this.folder = folder;
        this.serverKeyStore = serverKeyStore;
        this.serverKeyStorePassword = serverKeyStorePassword;
        this.caCertificate = caCertificate;
        this.trustStore = trustStore;
    }

    /**
     * Writes the files of {@code issued}: the CA certificate to {@code caFile} (its trust store beside it, the same
     * name ending {@code .p12}), or into the temporary folder when {@code caFile} is {@code null}.
     */
    public static TlsFiles write(LocalCertificateAuthority.Issued issued, Path caFile) {
        Objects.requireNonNull(issued, "issued");
        Path folder = null;
        try {
            folder = Files.createTempDirectory("codepipeline-mock-tls-");
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path serverKeyStore = folder.resolve("server.p12");
            Files.createFile(serverKeyStore, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(null, null);
            server.setKeyEntry(KEY_ALIAS, issued.serverKeys().getPrivate(), password.toCharArray(), issued.chain());
            store(server, serverKeyStore, password);

            Path pem = caFile == null ? folder.resolve(CA_FILE_NAME) : caFile.toAbsolutePath();
            if (pem.getParent() != null) {
                Files.createDirectories(pem.getParent());
            }
            Files.writeString(pem, pem(issued.caCertificate()), StandardCharsets.US_ASCII);
            Path trust = pem.resolveSibling(baseName(pem) + ".p12");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(KEY_ALIAS + "-ca", issued.caCertificate());
            store(trusted, trust, TRUST_STORE_PASSWORD);
            return new TlsFiles(folder, serverKeyStore, password, pem, trust);
        } catch (IOException e) {
            deleteQuietly(folder);
            throw new UncheckedIOException("cannot write the mock's TLS files"
                    + (caFile == null ? "" : " (CA certificate to " + caFile + ")") + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            deleteQuietly(folder);
            throw new IllegalStateException("the JDK cannot write a PKCS12 key store: " + e.getMessage(), e);
        }
    }

    /** The PEM text of a certificate. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate " + certificate.getSubjectX500Principal(),
                    e);
        }
    }

    private static void store(KeyStore keyStore, Path file, String password)
            throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, password.toCharArray());
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The server's PKCS12 key store (key and chain), for WireMock's HTTPS connector. */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    /** The password of the server's key store and of its key. */
    public String serverKeyStorePassword() {
        return serverKeyStorePassword;
    }

    /** The CA certificate, PEM. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** A PKCS12 trust store holding the CA certificate, password {@link #TRUST_STORE_PASSWORD}. */
    public Path trustStore() {
        return trustStore;
    }

    /** Deletes the temporary folder and what lies in it; CA files written elsewhere stay. */
    @Override
    public void close() {
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder the system cleans anyway; nothing in it is a secret beyond this run
        }
    }
}
