namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>Where inbound mail is read from: the IMAP mailbox, or a folder of .eml files in development.</summary>
public interface IInbox
{
    /// <summary>
    /// Reads messages, storing each and then moving it out of the way, until <paramref name="ct"/> is cancelled or
    /// something fails (the exception says what); records each complete read in <see cref="InboundMailStatus"/>.
    /// </summary>
    Task RunAsync(CancellationToken ct);
}
