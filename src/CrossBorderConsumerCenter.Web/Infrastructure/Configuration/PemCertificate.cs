using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>A setting that names a PEM certificate to trust (Smtp:TrustedCertificatePath, Imap:TrustedCertificatePath).</summary>
public static class PemCertificate
{
    /// <summary>What is wrong with the file at <paramref name="path"/>, worded to follow the setting's name; null when it holds a certificate.</summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
        {
            return $"names no file ('{path}').";
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
            return null;
        }
        catch (CryptographicException ex)
        {
            return $"is not a PEM certificate ('{path}': {ex.Message}).";
        }
    }
}
