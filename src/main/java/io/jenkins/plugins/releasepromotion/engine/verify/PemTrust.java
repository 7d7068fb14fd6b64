package io.jenkins.plugins.releasepromotion.engine.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts exactly the certificate authorities of a PEM file: an environment with its own CA (a staging
 * network) is checked against that CA and nothing else, instead of switching certificate checks off.
 */
final class PemTrust {
    private PemTrust() {}

    /**
     * @throws ProbeException naming the file when it cannot be read or holds no certificate
     */
    static SSLContext context(String caFile) throws ProbeException {
        List<Certificate> certificates = read(caFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ProbeException("caFile " + caFile + " cannot be used for TLS (" + e.getMessage() + ")");
        }
    }

    private static List<Certificate> read(String caFile) throws ProbeException {
        try (InputStream in = Files.newInputStream(Path.of(caFile))) {
            List<Certificate> certificates =
                    new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new ProbeException("caFile " + caFile + " holds no certificate; give a PEM file with"
                        + " '-----BEGIN CERTIFICATE-----' blocks");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new ProbeException("caFile " + caFile + " does not exist; fix the path or remove caFile");
        } catch (IOException | GeneralSecurityException e) {
            throw new ProbeException("caFile " + caFile + " is not a PEM file of certificates (" + e.getMessage()
                    + "); give the CA's certificate in PEM form");
        }
    }
}
