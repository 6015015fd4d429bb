using System.Globalization;
using System.Text;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OtpNet;
using QRCoder;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Codes of an authenticator app (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the way every common app makes them.
/// A code of the step before or after the server's is accepted (clocks drift, people type slowly), and a step once used
/// is never accepted again for the same account (a code seen over a shoulder or in a proxy's log cannot be replayed).
/// </summary>
public static class AuthenticatorCode
{
    public const int Digits = 6;

    /// <summary>The time step the code matches for this key at <paramref name="now"/>, or null.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>The code an authenticator app shows for this key at <paramref name="now"/>.</summary>
    public static string At(string base32Key, DateTimeOffset now) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(now.UtcDateTime);

    /// <summary>
    /// What a person typed, as a code: spaces and hyphens dropped, full-width digits (a Japanese input method) made ASCII.
    /// </summary>
    public static string Normalise(string typed)
    {
        var text = typed.Normalize(NormalizationForm.FormKC);
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-'));
    }

    /// <summary>A recovery code as Identity issues it (two groups of five, upper case), from what a person typed.</summary>
    public static string NormaliseRecoveryCode(string typed)
    {
        var code = Normalise(typed).ToUpperInvariant();
        return code.Length == 10 ? code[..5] + "-" + code[5..] : code;
    }

    /// <summary>The key as people type it into an app: groups of four, lower case.</summary>
    public static string ForReading(string base32Key)
    {
        var key = base32Key.ToLowerInvariant();
        return string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
    }

    /// <summary>The otpauth URI every authenticator app reads from the enrolment QR code.</summary>
    public static string EnrolmentUri(string issuer, string accountName, string base32Key) =>
        string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={base32Key}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}");

    /// <summary>The QR code of <paramref name="uri"/> as a PNG data URI (the page's CSP allows data: images).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}

/// <summary>
/// Identity's authenticator provider, replaced so that codes are read at the portal's clock and a used time step is refused
/// (<see cref="AuthenticatorCode"/>). The last used step is kept beside the key in user_tokens.
/// </summary>
public sealed class AuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "PortalAuthenticator";
    public const string LoginProvider = "[Portal]";
    public const string LastStepToken = "AuthenticatorLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>Codes come from the person's app, never from the portal.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || AuthenticatorCode.MatchingStep(key, AuthenticatorCode.Normalise(token), clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        // Saved with the account's concurrency stamp: of two requests with the same code at once, one fails here.
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}

/// <summary>Marks the actions a signed-in user who must still set up two-factor sign-in may reach (the set-up, password, sign-out).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowedBeforeTwoFactorSetUpAttribute : Attribute;

/// <summary>
/// An account that must sign in with a second factor (<see cref="Domain.Accounts.Roles.NeedSecondFactor"/>) but has not set
/// one up yet signs in with its password once, and then reaches nothing but the set-up page until it is done: every signed-in
/// page and action answers with a redirect there. A temporary password is replaced first (<see cref="TemporaryPasswordFilter"/>).
/// </summary>
public sealed class TwoFactorSetUpFilter : IAuthorizationFilter, IOrderedFilter
{
    public const string SetUpPath = "/account/two-factor";

    // After the temporary password filter.
    public int Order => 1001;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (context.Result is not null || user.Identity?.IsAuthenticated != true || !user.HasClaim(c => c.Type == PortalClaims.SecondFactorSetUpRequired))
        {
            return;
        }

        var metadata = context.ActionDescriptor.EndpointMetadata;
        var signedInOnly = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (!signedInOnly || metadata.OfType<AllowedBeforeTwoFactorSetUpAttribute>().Any())
        {
            return;
        }

        context.Result = new RedirectResult(SetUpPath);
    }
}

/// <summary>
/// Every check of a second-factor code (at sign-in and on the set-up page) goes through here: wrong codes count per account
/// from every client (Accounts:SecondFactorFailuresPerAccount) and, where the client is known, per client and account
/// (Accounts:SignInFailuresPerClientAndAccount); past either, codes are refused unchecked until the window ends. One account's
/// codes are checked one at a time (a transaction-scoped PostgreSQL advisory lock, so on every instance), so that parallel
/// guesses cannot all pass the count before any of them is counted.
/// </summary>
public sealed class SecondFactorAttempts(Npgsql.NpgsqlDataSource database, RateCounters counters, Microsoft.Extensions.Options.IOptions<Configuration.AccountSecurityOptions> options)
{
    /// <returns>Whether the code was right; whether it was refused unchecked; the account's wrong codes in this window, this one included (0 when right).</returns>
    public async Task<(bool Succeeded, bool HeldBack, int AccountFailures)> CheckAsync(Guid userId, string? clientAddress, Func<Task<bool>> check, CancellationToken ct)
    {
        var settings = options.Value;
        var window = TimeSpan.FromMinutes(settings.SignInFailureWindowMinutes);
        var accountKey = $"second-factor-failures|{userId}";
        var clientKey = clientAddress is null ? null : $"second-factor-failures|{clientAddress}|{userId}";

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new Npgsql.NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
        {
            command.Parameters.Add(new() { Value = accountKey });
            await command.ExecuteNonQueryAsync(ct);
        }

        var heldBack = await counters.CountAsync(accountKey, window, ct) >= settings.SecondFactorFailuresPerAccount
            || (clientKey is not null && await counters.CountAsync(clientKey, window, ct) >= settings.SignInFailuresPerClientAndAccount);
        if (!heldBack && await check())
        {
            return (true, false, 0);
        }

        var (accountFailures, _) = await counters.HitAsync(accountKey, window, ct);
        if (clientKey is not null)
        {
            await counters.HitAsync(clientKey, window, ct);
        }

        return (false, heldBack, accountFailures);
    }
}
