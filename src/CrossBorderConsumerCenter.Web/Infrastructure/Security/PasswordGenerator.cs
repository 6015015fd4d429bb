using System.Security.Cryptography;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Temporary passwords an admin hands over (and the first admin's): 4 groups of 5 characters from an
/// alphabet without look-alikes (about 100 bits), easy to read out and type on a phone.
/// </summary>
public static class PasswordGenerator
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
}
