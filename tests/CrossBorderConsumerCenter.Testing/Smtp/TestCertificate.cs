using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CrossBorderConsumerCenter.Testing.Smtp;

/// <summary>
/// A self-signed certificate for a server on loopback (valid for 127.0.0.1 and localhost, from an hour ago for a day),
/// made in the test, so that a TLS test trusts exactly this certificate and nothing else.
/// </summary>
public sealed class TestCertificate
{
    private readonly string _certificatePem;
    private readonly string _keyPem;

    private TestCertificate(string certificatePem, string keyPem)
    {
        _certificatePem = certificatePem;
        _keyPem = keyPem;
    }

    public static TestCertificate ForLoopback(string commonName = "smtp.test")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
        return new TestCertificate(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>True when <paramref name="presented"/> is this certificate.</summary>
    public bool IsThis(X509Certificate? presented)
    {
        using var mine = X509Certificate2.CreateFromPem(_certificatePem);
        return presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(mine.RawData);
    }

    /// <summary>Writes the certificate (PEM) alone, as the portal's Smtp:TrustedCertificatePath takes it; returns its path.</summary>
    public string WriteCertificate(string folder)
    {
        var path = Path.Combine(folder, $"trusted-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, _certificatePem);
        return path;
    }

    /// <summary>Writes the certificate and its private key (PEM), as the server takes them.</summary>
    internal (string Certificate, string Key) WritePem(string folder)
    {
        var certificate = Path.Combine(folder, "server-cert.pem");
        var key = Path.Combine(folder, "server-key.pem");
        File.WriteAllText(certificate, _certificatePem);
        File.WriteAllText(key, _keyPem);
        return (certificate, key);
    }
}
