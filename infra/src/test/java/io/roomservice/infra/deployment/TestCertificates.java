package io.roomservice.infra.deployment;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority made for one test run, and the certificates it signs: the server's (for
 * 127.0.0.1) and clients' with the CN asked for. Nothing is committed: keys live in a temporary folder.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-store-password".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path directory;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    TestCertificates() throws Exception {
        directory = Files.createTempDirectory("roomservice-tls");
        caKeys = keyPair();
        ca = sign(new X500Name("CN=roomservice test CA"), caKeys, true, null);
    }

    /** A PKCS#12 store with the server's key and certificate for 127.0.0.1. */
    Path serverKeyStore() throws Exception {
        KeyPair keys = keyPair();
        var names = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")});
        return keyStore("server", keys, sign(new X500Name("CN=localhost"), keys, false, names));
    }

    /** A PKCS#12 store that trusts this authority only. */
    Path trustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        return save(store, "trust");
    }

    /** A TLS client that trusts this authority and, when {@code cn} is given, shows a certificate with that CN. */
    SSLContext client(String cn) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (cn != null) {
            KeyPair pair = keyPair();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", pair.getPrivate(), PASSWORD, new X509Certificate[] {
                    sign(new X500Name("CN=" + cn + ",O=pvarki"), pair, false, null), ca});
            keys.init(store, PASSWORD);
        } else {
            keys.init(null, null);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca);
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private Path keyStore(String name, KeyPair keys, X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(name, keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate, ca});
        return save(store, name);
    }

    private Path save(KeyStore store, String name) throws Exception {
        Path file = directory.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private X509Certificate sign(X500Name subject, KeyPair keys, boolean authority, GeneralNames names)
            throws Exception {
        Instant now = Instant.now();
        X500Name issuer = authority ? subject : new X500Name(ca.getSubjectX500Principal().getName());
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (names != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, names);
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(authority ? keys.getPrivate()
                : caKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }
}
