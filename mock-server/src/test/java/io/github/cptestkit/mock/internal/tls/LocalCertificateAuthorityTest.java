package io.github.cptestkit.mock.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static LocalCertificateAuthority.Issued issued() throws Exception {
        return LocalCertificateAuthority.issue(List.of("localhost", "*.localhost"),
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), NOW);
    }

    @Test
    void theServerCertificateNamesTheLoopbackNamesAndAddressesAndIsSignedByTheCa() throws Exception {
        LocalCertificateAuthority.Issued issued = issued();
        X509Certificate server = issued.serverCertificate();

        Collection<List<?>> names = server.getSubjectAlternativeNames();
        assertThat(names).extracting(name -> name.get(1).toString())
                .containsExactly("localhost", "*.localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        server.verify(issued.caCertificate().getPublicKey()); // throws if another key signed it
        assertThat(server.getIssuerX500Principal()).isEqualTo(issued.caCertificate().getSubjectX500Principal());
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(issued.caCertificate().getBasicConstraints()).isZero();
        assertThat(issued.caCertificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void bothCertificatesAreValidFromAnHourBeforeTheyWereMadeFor397Days() throws Exception {
        LocalCertificateAuthority.Issued issued = issued();
        for (X509Certificate certificate : issued.chain()) {
            assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
            assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(397)));
        }
    }

    @Test
    void theJdksTrustManagerAcceptsTheChainWhenItTrustsTheCaAndTwoRunsHaveTwoCas() throws Exception {
        LocalCertificateAuthority.Issued issued = issued();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", issued.caCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];

        manager.checkServerTrusted(issued.chain(), "ECDHE_ECDSA"); // throws if the chain is not trusted

        LocalCertificateAuthority.Issued other = issued();
        assertThat(other.caCertificate().getPublicKey()).isNotEqualTo(issued.caCertificate().getPublicKey());
        assertThatThrownBy(() -> manager.checkServerTrusted(other.chain(), "ECDHE_ECDSA"))
                .isInstanceOf(java.security.cert.CertificateException.class);
    }

    @Test
    void aCertificateNeedsANameOrAnAddress() {
        assertThatThrownBy(() -> LocalCertificateAuthority.issue(List.of(), List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one host name");
    }

    @Test
    void theFilesHoldTheCaAsPemAndAsATrustStoreAndCloseDeletesOnlyTheTemporaryOnes(@TempDir Path folder)
            throws Exception {
        LocalCertificateAuthority.Issued issued = issued();
        Path caFile = folder.resolve("ca/mock-ca.pem");
        TlsFiles files = TlsFiles.write(issued, caFile);

        assertThat(files.caCertificate()).isEqualTo(caFile.toAbsolutePath());
        assertThat(files.trustStore()).isEqualTo(folder.resolve("ca/mock-ca.p12").toAbsolutePath());
        X509Certificate read;
        try (var in = Files.newInputStream(caFile)) {
            read = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(read).isEqualTo(issued.caCertificate());
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(files.trustStore())) {
            trustStore.load(in, TlsFiles.TRUST_STORE_PASSWORD.toCharArray());
        }
        assertThat(trustStore.getCertificate(trustStore.aliases().nextElement())).isEqualTo(issued.caCertificate());
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(files.serverKeyStore())) {
            server.load(in, files.serverKeyStorePassword().toCharArray());
        }
        assertThat(server.getKey(TlsFiles.KEY_ALIAS, files.serverKeyStorePassword().toCharArray()))
                .isEqualTo(issued.serverKeys().getPrivate());
        assertThat(Files.getPosixFilePermissions(files.serverKeyStore())).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        files.close();

        assertThat(files.serverKeyStore()).doesNotExist();
        assertThat(caFile).exists();
        assertThat(files.trustStore()).exists();
    }
}
