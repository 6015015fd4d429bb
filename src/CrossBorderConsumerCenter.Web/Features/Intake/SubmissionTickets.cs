using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// What identifies a submission: the review page's "send" form carries a ticket naming its draft, encrypted and signed
/// by Data Protection so that nobody can make one for another draft (ADR 0072). The same page sent again, with or
/// without the draft's cookie (a double click, a POST retried after a network error, the back button and "send"),
/// names the same draft, which is submitted once; the repeat finds its case. The ticket never submits a draft by
/// itself: an open draft is submitted only by the browser whose cookie holds it.
/// </summary>
public sealed class SubmissionTickets(IDataProtectionProvider protection)
{
    /// <summary>The name of the hidden field on the review page.</summary>
    public const string FieldName = "submission";

    private IDataProtector Protector => protection.CreateProtector("CrossBorderConsumerCenter.Intake.Submission");

    public string Issue(Guid draftId) => Protector.Protect(draftId.ToString("N"));

    /// <summary>The draft a posted ticket names, or null (none, malformed, from another key ring, or altered).</summary>
    public Guid? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 500)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(Protector.Unprotect(ticket), "N", out var draftId) ? draftId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
