using CrossBorderConsumerCenter.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Length is the rule (12+); on top of it, refuse passwords that are easy to guess whatever their length:
/// one repeated character, the account's own email or name, or a well-known password (NIST 800-63B 5.1.1.2).
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<PortalUser>
{
    // Long entries from public lists of the most used passwords, compared without case and spaces.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
        "passwordpassword", "password1234", "password12345", "password123456", "qwertyuiopas", "qwertyuiop123",
        "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "asdfghjklqwe", "iloveyou1234", "abcdefghijkl",
        "abc123abc123", "letmeinletmein", "welcome12345", "administrator", "admin1234567", "changeme1234",
        "passw0rd1234", "p@ssw0rd1234", "trustno1trustno1", "sunshine1234", "princess1234", "football1234",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var compact = password.Replace(" ", "", StringComparison.Ordinal);
        var emailLocal = (user.Email ?? "").Split('@')[0];
        var guessable = compact.Distinct().Count() == 1
            || Common.Contains(compact)
            || (emailLocal.Length >= 4 && password.Contains(emailLocal, StringComparison.OrdinalIgnoreCase))
            || (user.DisplayName.Replace(" ", "", StringComparison.Ordinal) is { Length: >= 4 } name && compact.Contains(name, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(guessable
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooEasyToGuess", Description = l["Identity_PasswordTooEasyToGuess"] })
            : IdentityResult.Success);
    }
}
