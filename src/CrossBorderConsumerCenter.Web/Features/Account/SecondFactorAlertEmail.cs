using System.Globalization;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>
/// Tells the owner of an account, by email, that its password was accepted at sign-in and wrong codes followed
/// (<see cref="SecondFactorAlert"/>: once per counting window). Accounts record no language, so the message says it in
/// Japanese and then in English. It carries the time in Japan and the number of wrong codes, never a code, the password
/// or the client's address. Which request tells the owner is decided by a shared rate counter (PostgreSQL, every
/// instance): of the wrong codes of one window, only the one that counts first after the rule is met sends it. The
/// caller's SaveChanges commits the outbox row together with the audit entry.
/// </summary>
public sealed class SecondFactorAlertEmail(
    RateCounters counters,
    EmailOutbox outbox,
    EmailComposer composer,
    AuditTrail audit,
    IStringLocalizer<AccountText> text,
    IOptions<AccountSecurityOptions> accounts,
    IOptions<PortalOptions> portal,
    TimeProvider clock)
{
    public const string TemplateName = "SecondFactorAlert";

    /// <summary>After a wrong code at sign-in: tells the owner if it is due. True when it did (an outbox row and an audit entry were added).</summary>
    public async Task<bool> TellOwnerIfDueAsync(PortalUser user, int wrongCodesInWindow, CancellationToken ct)
    {
        var settings = accounts.Value;
        if (wrongCodesInWindow < SecondFactorAlert.AlertAt(settings.SecondFactorFailuresPerAccount))
        {
            return false;
        }

        var window = TimeSpan.FromMinutes(settings.SignInFailureWindowMinutes);
        var (claims, _) = await counters.HitAsync($"second-factor-alert|{user.Id}", window, ct);
        if (!SecondFactorAlert.IsDue(wrongCodesInWindow, settings.SecondFactorFailuresPerAccount, toldInThisWindow: claims > 1))
        {
            return false;
        }

        var emailed = user.Email is { } address && MailAddresses.IsValid(address);
        if (emailed)
        {
            outbox.Enqueue(Compose(user, wrongCodesInWindow, settings), TemplateName, EmailRecipients.ForAddress(user.Email!), "ja");
        }

        audit.Record(AuditAction.SecondFactorAlertSent, "User", user.Id.ToString(), details: new { wrongCodes = wrongCodesInWindow, emailed }, actorNameOverride: user.DisplayName);
        return true;
    }

    private ComposedEmail Compose(PortalUser user, int wrongCodes, AccountSecurityOptions settings)
    {
        var values = new Dictionary<string, string>
        {
            ["Name"] = user.DisplayName,
            ["At"] = LocalizationRegistration.FormatJapanTime(clock.GetUtcNow()),
            ["Count"] = wrongCodes.ToString(CultureInfo.InvariantCulture),
            ["Minutes"] = settings.SignInFailureWindowMinutes.ToString(CultureInfo.InvariantCulture),
            ["Limit"] = settings.SecondFactorFailuresPerAccount.ToString(CultureInfo.InvariantCulture),
            ["PasswordUrl"] = new Uri(portal.Value.BaseUri, "account/password").ToString(),
        };
        string Read(string language, string key) => EmailComposer.Fill(InLanguage.Read(language, () => text[TemplateName + "_" + key].Value), values);

        var subject = Read("ja", "Subject") + " / " + Read("en", "Subject");
        var body = Read("ja", "Body") + "\n\n" + Read("en", "Body");
        var signature = Read("ja", "Signature") + "\n" + Read("en", "Signature");
        return composer.FromText(subject, body, "ja", signature);
    }
}
