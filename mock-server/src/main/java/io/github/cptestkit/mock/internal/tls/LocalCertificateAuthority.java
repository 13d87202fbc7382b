package io.github.cptestkit.mock.internal.tls;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one run of the mock: its own key pair and self-signed CA certificate, and one
 * server certificate it signs for the mock's names ({@code localhost}, {@code *.localhost} for virtual-hosted S3
 * buckets, {@code 127.0.0.1}, {@code ::1}, and the bind address). Clients trust the CA (its PEM file, or a trust
 * store holding it) and so the server certificate, without any certificate of the machine's being touched.
 *
 * <p>Keys are EC P-256 (made in milliseconds; every TLS client of the SDKs, Python and Node.js takes them), signed
 * with SHA-256, through BouncyCastle's certificate builder over the JDK's own providers (no security provider is
 * registered). Both certificates are valid from an hour before they are made, in real time (TLS clients check the
 * machine's clock, not the mock's), for 397 days, the longest any TLS client accepts.
 *
 * <pre>{@code
 * LocalCertificateAuthority.Issued issued = LocalCertificateAuthority.issue(List.of("localhost"),
 *         List.of(InetAddress.getLoopbackAddress()), Instant.now());
 * X509Certificate ca = issued.caCertificate();
 * }</pre>
 */
public final class LocalCertificateAuthority {

    /** How long the certificates are valid: the CA/Browser Forum's limit, which every TLS client accepts. */
    static final Duration VALIDITY = Duration.ofDays(397);
    /** Clocks of the clients may lag the machine's a little. */
    static final Duration BACKDATED = Duration.ofHours(1);
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private LocalCertificateAuthority() {}

    /**
     * The CA and the server certificate it issued, with the server's key pair.
     *
     * @param caCertificate     the self-signed CA certificate clients are to trust
     * @param serverCertificate the server certificate, signed by the CA
     * @param serverKeys        the server certificate's key pair
     */
    public record Issued(X509Certificate caCertificate, X509Certificate serverCertificate, KeyPair serverKeys) {
        public Issued {
            Objects.requireNonNull(caCertificate, "caCertificate");
            Objects.requireNonNull(serverCertificate, "serverCertificate");
            Objects.requireNonNull(serverKeys, "serverKeys");
        }

        /** The server's chain, the server certificate first, as a key store entry holds it. */
        public X509Certificate[] chain() {
            return new X509Certificate[] {serverCertificate, caCertificate};
        }
    }

    /**
     * Makes a new CA and a server certificate for {@code hostNames} and {@code addresses}, valid from an hour before
     * {@code now}.
     */
    public static Issued issue(List<String> hostNames, List<InetAddress> addresses, Instant now) {
        Objects.requireNonNull(hostNames, "hostNames");
        Objects.requireNonNull(addresses, "addresses");
        if (hostNames.isEmpty() && addresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one host name or address");
        }
        try {
            SecureRandom random = new SecureRandom();
            KeyPair caKeys = keyPair(random);
            KeyPair serverKeys = keyPair(random);
            Date from = Date.from(now.minus(BACKDATED));
            Date until = Date.from(now.plus(VALIDITY));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

            X500Name caName = new X500Name("CN=codepipeline-testkit mock CA " + now.getEpochSecond()
                    + ",O=codepipeline-testkit");
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(random), from, until, caName,
                    caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            ca.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCertificate = sign(ca, caKeys);

            String firstName = hostNames.isEmpty() ? addresses.get(0).getHostAddress() : hostNames.get(0);
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCertificate, serial(random), from,
                    until, new X500Name("CN=" + firstName), serverKeys.getPublic());
            server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            server.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            server.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostNames, addresses));
            server.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
            server.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(caCertificate));
            X509Certificate serverCertificate = sign(server, caKeys);
            serverCertificate.verify(caCertificate.getPublicKey());
            return new Issued(caCertificate, serverCertificate, serverKeys);
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the JDK could not make the mock's TLS certificates (EC P-256 with "
                    + SIGNATURE_ALGORITHM + "): " + e.getMessage(), e);
        }
    }

    private static GeneralNames alternativeNames(List<String> hostNames, List<InetAddress> addresses) {
        Set<String> seen = new LinkedHashSet<>();
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostNames) {
            if (seen.add("dns:" + host)) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
        }
        for (InetAddress address : addresses) {
            if (seen.add("ip:" + address.getHostAddress())) {
                names.add(new GeneralName(GeneralName.iPAddress, address.getHostAddress()));
            }
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE); // positive, at most 16 bytes (RFC 5280)
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
