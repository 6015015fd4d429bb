using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// One stored message as staff read it: its headers, its text (what the sender wrote, with the quoted history folded
/// below), its files and whether each would pass the evidence checks, and for a waiting message the forms to attach or
/// discard it. The text is only ever shown as text. Every view is audited: the page shows a person's mail.
/// </summary>
public static class ShowMail
{
    /// <summary>A file of the message; <paramref name="Problem"/> is why it would not become evidence (null: it would).</summary>
    public sealed record File(string Name, long Size, EvidenceProblem? Problem);

    public sealed record Page(
        Guid Id,
        InboundEmailState State,
        InboundEmailKind? Kind,
        WaitReason? Reason,
        string? LastError,
        DateTimeOffset ReceivedAt,
        int RawSize,
        bool RawTruncated,
        bool Readable,
        string? From,
        string? To,
        string? Cc,
        string? Subject,
        DateTimeOffset? Date,
        FoldedText Text,
        IReadOnlyList<File> Files,
        string? CaseNumber)
    {
        public AttachMail.Form Attach { get; init; } = new();

        public DiscardMail.Form Discard { get; init; } = new();

        /// <summary>Which form was posted and refused (its fields are shown with their errors), if any.</summary>
        public string? Posted { get; init; }
    }

    /// <summary>The original bytes, for the download.</summary>
    public sealed record Original(byte[] Bytes, bool Truncated);

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Page?> HandleAsync(Guid id, CancellationToken ct)
        {
            var mail = await db.InboundEmails.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new
                {
                    m.Id, m.State, m.Kind, m.CaseId, m.LastError, m.ReceivedAt, m.RawSize, m.RawTruncated, m.Raw, m.FromAddress, m.Subject,
                    CaseNumber = db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Number).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(ct);
            if (mail is null)
            {
                return null;
            }

            var read = MailReading.Read(mail.Raw, mail.RawTruncated, mail.FromAddress, mail.Subject);
            var message = read.Summary.Parsed ? read.Message : null;
            var date = message?.Date is { } sent && sent != DateTimeOffset.MinValue ? sent : (DateTimeOffset?)null;
            audit.Record(AuditAction.InboundMailViewed, "InboundEmail", mail.Id.ToString(), mail.CaseId);
            await db.SaveChangesAsync(ct);

            return new Page(
                mail.Id, mail.State, mail.Kind, mail.State == InboundEmailState.Unmatched ? ListMail.ReasonOf(mail.Kind, mail.CaseId) : null, mail.LastError,
                mail.ReceivedAt, mail.RawSize, mail.RawTruncated, read.Summary.Parsed,
                message?.From.Count > 0 ? message.From.ToString() : read.Summary.From,
                message?.To.Count > 0 ? message.To.ToString() : null,
                message?.Cc.Count > 0 ? message.Cc.ToString() : null,
                read.Summary.Subject ?? mail.Subject,
                date,
                QuotedText.Fold(read.Summary.Text),
                FilesOf(read.Attachments, clock.GetUtcNow()),
                mail.CaseNumber)
            {
                Attach = new AttachMail.Form { CaseNumber = mail.State == InboundEmailState.Unmatched ? mail.CaseNumber : null },
            };
        }

        /// <summary>The message as received, for the download (audited as a view).</summary>
        public async Task<Original?> OriginalAsync(Guid id, CancellationToken ct)
        {
            var mail = await db.InboundEmails.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Id, m.Raw, m.RawTruncated, m.CaseId }).SingleOrDefaultAsync(ct);
            if (mail is null)
            {
                return null;
            }

            audit.Record(AuditAction.InboundMailViewed, "InboundEmail", mail.Id.ToString(), mail.CaseId, new { download = "original" });
            await db.SaveChangesAsync(ct);
            return new Original(mail.Raw, mail.RawTruncated);
        }
    }

    /// <summary>
    /// Each file in the message's order with the outcome <see cref="MailEffects.CheckFiles"/> gives it (the same check
    /// attaching applies). The check hands back the kept and the refused files each in the message's order, so the
    /// files are walked alongside both lists: a file is the next kept one when its cleaned name and its size are that
    /// one's as it came (two files alike in both would show alike either way).
    /// </summary>
    private static List<File> FilesOf(IReadOnlyList<MailAttachment> attachments, DateTimeOffset now)
    {
        var (kept, refused) = MailEffects.CheckFiles(attachments, now);
        var files = new List<File>();
        int k = 0, r = 0;
        foreach (var attachment in attachments)
        {
            var name = FileNames.Clean(attachment.FileName);
            if (k < kept.Count && kept[k].FileName == name && kept[k].ReceivedLength == attachment.Bytes.Length)
            {
                files.Add(new File(kept[k++].FileName, attachment.Bytes.Length, null));
            }
            else
            {
                var problem = r < refused.Count ? refused[r++].Problem : null;
                files.Add(new File(name, attachment.Bytes.Length, problem ?? EvidenceProblem.UnsupportedType));
            }
        }

        return files;
    }
}
