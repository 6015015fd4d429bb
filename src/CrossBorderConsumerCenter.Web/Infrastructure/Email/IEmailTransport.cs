using CrossBorderConsumerCenter.Web.Data.Email;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// Hands messages to the mail system (an SMTP server, or the pickup folder in development). Ours, so that the
/// sender does not depend on the mail library (ADR 0020).
/// </summary>
public interface IEmailTransport
{
    /// <summary>
    /// A connection for a run of messages: opened (and authenticated) when the first is sent, reused for the next,
    /// opened again after a failure that closed it, and closed when disposed.
    /// </summary>
    IEmailConnection Open();
}

/// <summary>One connection to the mail system, used by one sender lane at a time.</summary>
public interface IEmailConnection : IAsyncDisposable
{
    /// <summary>
    /// Sends the message and says how it went; never throws for a mail failure. Throws
    /// <see cref="OperationCanceledException"/> only when <paramref name="ct"/> itself is cancelled (shutdown).
    /// </summary>
    Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct);
}

/// <summary>An attachment's bytes, read from its stored file just before sending.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public enum SendOutcome
{
    /// <summary>The server took responsibility for the message (for at least one recipient).</summary>
    Delivered,

    /// <summary>Worth trying again later: no connection, no answer in time, a 4xx reply.</summary>
    TemporaryFailure,

    /// <summary>Trying again cannot help: a 5xx reply about the message or its recipients.</summary>
    PermanentFailure,
}

/// <summary>
/// The outcome of one attempt. <see cref="SmtpStatus"/> may be logged; <see cref="Detail"/> (the server's
/// reply) may name a recipient, so it is stored for staff and never logged.
/// </summary>
public sealed record SendResult(SendOutcome Outcome, int? SmtpStatus = null, string? Detail = null)
{
    public static readonly SendResult Delivered = new(SendOutcome.Delivered);

    public static SendResult Temporary(int? status, string detail) => new(SendOutcome.TemporaryFailure, status, detail);

    public static SendResult Permanent(int? status, string detail) => new(SendOutcome.PermanentFailure, status, detail);
}

/// <summary>A recipient the server refused (RCPT TO), with its reply.</summary>
public sealed record RecipientRefusal(string Address, int Status, string Reply);
