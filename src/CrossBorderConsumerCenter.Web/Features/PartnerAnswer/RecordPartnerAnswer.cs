using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

/// <summary>
/// A partner agency answers through the link in a forward email, without an account: what the merchant did, a
/// message, files (the intake's kinds and limits). One answer per link. The answer goes on the case's timeline,
/// moves it to "partner responded", its files become evidence marked as from the partner, and the staff member
/// responsible is emailed; all in one transaction, under a lock on the link so two submissions record one answer.
/// </summary>
public static class RecordPartnerAnswer
{
    /// <summary>The largest request the answer form accepts: the files' limit plus room for the text.</summary>
    public const long MaxRequestBytes = EvidenceFiles.MaxTotalBytes + (4 * 1024 * 1024);

    public sealed class Form
    {
        public string? Outcome { get; set; }
        public string? Message { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<PartnerAnswerText> text)
        {
            RuleFor(f => f.Outcome).Must(v => FormValues.ParseEnum<PartnerOutcome>(v) is not null).WithMessage(_ => text["Error_Outcome"]);
            RuleFor(f => f.Message).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).When(f => f.Outcome == nameof(PartnerOutcome.Other)).WithMessage(_ => text["Error_MessageForOther"])
                .Must(v => v is null || v.Length <= CaseEvent.MaxTextLength).WithMessage((_, v) => text["Error_MessageTooLong", CaseEvent.MaxTextLength, v!.Length])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_MessageControl"]);
        }
    }

    public enum LinkState
    {
        /// <summary>Waiting for the agency's answer.</summary>
        Open,

        /// <summary>This link was used; the page says when.</summary>
        Answered,

        /// <summary>The case is no longer waiting for a partner's answer (the center closed or reopened it).</summary>
        NotExpected,
    }

    /// <summary>
    /// What the answer page shows: only what the agency was sent, as it was sent (the business, the item and the summary
    /// in the agency's language; null where there is nothing it can read), and nothing for a wrong or expired link.
    /// </summary>
    public sealed record LinkView(
        LinkState State, string Language, string AgencyName, string CaseNumber, string? BusinessName, string? PurchaseItem, string? Summary,
        DateTimeOffset ForwardedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt);

    public enum Outcome
    {
        Recorded,

        /// <summary>No such link, or it expired: the plain page.</summary>
        Invalid,
        AlreadyAnswered,
        NotExpected,
    }

    /// <summary>A file the agency sent, read and checked (<see cref="Problem"/> null when it may be kept).</summary>
    public sealed record Upload(string FileName, byte[] Bytes, EvidenceFileType? Type, EvidenceProblem? Problem);

    /// <summary>The answer, for the staff member responsible (PartnerAnswered_Subject/_Body in PartnerAnswerText, Japanese).</summary>
    public sealed record StaffEmail(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "PartnerAnswered";

        public string Name => TemplateName;

        public Type ResourceType => typeof(PartnerAnswerText);
    }

    /// <summary>Reads every file and checks it like intake's evidence (type by its bytes, sizes, count, total; photos without their metadata).</summary>
    public static async Task<IReadOnlyList<Upload>> ReadAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var uploads = new List<Upload>();
        var held = new List<long>();
        foreach (var file in files)
        {
            var name = FileNames.Clean(file.FileName);
            if (file.Length == 0 || file.Length > EvidenceFiles.MaxFileBytes)
            {
                uploads.Add(new Upload(name, [], null, EvidenceFiles.Check(file.Length, type: null, held)));
                continue;
            }

            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }

            var (type, problem, kept) = EvidenceFiles.Prepare(bytes, held);
            uploads.Add(new Upload(name, kept, type, problem));
            if (problem is null)
            {
                held.Add(kept.Length);
            }
        }

        return uploads;
    }

    public sealed class Handler(
        AppDbContext db, EmailOutbox outbox, AuditTrail audit, IStringLocalizer<Partners.PartnersText> partners, IOptions<PortalOptions> portal,
        TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>The link's page, or null for a wrong or expired token (the caller shows the same plain page for both).</summary>
        public async Task<LinkView?> FindAsync(string token, CancellationToken ct)
        {
            if (PartnerLink.HashOf(token) is not { } hash)
            {
                return null;
            }

            var found = await (from l in db.PartnerLinks.AsNoTracking()
                               join c in db.Cases on l.CaseId equals c.Id
                               join a in db.PartnerAgencies on l.PartnerAgencyId equals a.Id
                               join p in db.PartnerProvisions on l.ProvisionId equals p.Id
                               where l.TokenHash == hash
                               select new
                               {
                                   l.ExpiresAt, l.AnsweredAt, l.CreatedAt, c.Status, c.Number, c.BusinessName, c.PurchaseItem, a.Language, a.EnglishName, a.JapaneseName,
                                   p.SentBusinessName, p.SentItem, p.SentSummary,
                               })
                .SingleOrDefaultAsync(ct);
            if (found is null || clock.GetUtcNow() >= found.ExpiresAt)
            {
                return null;
            }

            var state = found.AnsweredAt is not null ? LinkState.Answered
                : CaseWorkflow.Can(found.Status, CaseAction.RecordPartnerResponse) ? LinkState.Open
                : LinkState.NotExpected;
            var name = Domain.Reference.Languages.IsJapanese(found.Language) ? found.JapaneseName : found.EnglishName;
            // What the forward said in the agency's language; a forward made before forwards carried it shows the case's own
            // words only where the agency can read them (a Japanese-language agency reads them all).
            string? Readable(string value) => Domain.Reference.Languages.IsJapanese(found.Language) || !JapaneseScript.Contains(value) ? value : null;
            return new LinkView(
                state, found.Language, name, found.Number, found.SentBusinessName ?? Readable(found.BusinessName), found.SentItem ?? Readable(found.PurchaseItem),
                found.SentSummary, found.CreatedAt, found.ExpiresAt, found.AnsweredAt);
        }

        /// <summary>Records the answer once; a case changed by staff at the same moment is read again and the answer recorded on it.</summary>
        public async Task<Outcome> HandleAsync(string token, Form form, IReadOnlyList<Upload> files, CancellationToken ct)
        {
            if (PartnerLink.HashOf(token) is not { } hash)
            {
                return Outcome.Invalid;
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RecordAsync(hash, form, files, ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<Outcome> RecordAsync(byte[] hash, Form form, IReadOnlyList<Upload> files, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM partner_links WHERE token_hash = {hash} FOR UPDATE").ToListAsync(ct);
            var now = clock.GetUtcNow();
            var link = locked.Count == 0 ? null : await db.PartnerLinks.SingleAsync(l => l.Id == locked[0], ct);
            if (link is null || link.IsExpiredAt(now))
            {
                return Outcome.Invalid;
            }

            if (link.IsAnswered)
            {
                return Outcome.AlreadyAnswered;
            }

            var c = await db.Cases.SingleAsync(x => x.Id == link.CaseId, ct);
            if (!CaseWorkflow.Can(c.Status, CaseAction.RecordPartnerResponse))
            {
                return Outcome.NotExpected;
            }

            var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == link.PartnerAgencyId).Select(a => new { a.Code, a.EnglishName }).SingleAsync(ct);
            var stored = files.Select(f => new StoredFile(f.FileName, EvidenceFiles.ContentType(f.Type!.Value), f.Bytes, now)).ToList();
            db.StoredFiles.AddRange(stored);
            var outcome = FormValues.ParseEnum<PartnerOutcome>(form.Outcome)!.Value;
            var (statusBefore, dueBefore) = (c.Status, c.DueAt);
            c.RecordPartnerResponse(agency.Code, outcome, form.Message, link.Id, [.. stored.Select(f => f.Id)], now);
            link.RecordAnswer(outcome, now);

            Guid? emailId = null;
            if (await ResponsibleStaff.OfAsync(db, c.Id, c.AssignedToId, ct) is { } staff)
            {
                emailId = outbox.Enqueue(new StaffEmail(new Dictionary<string, string>
                {
                    ["CaseNumber"] = c.Number,
                    ["Agency"] = agency.EnglishName,
                    ["Outcome"] = InLanguage.Read(ResponsibleStaff.Language, () => partners["PartnerOutcome_" + outcome].Value),
                    ["Files"] = stored.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["CaseUrl"] = new Uri(portal.Value.BaseUri, "staff/cases/" + c.Number).ToString(),
                }), staff, ResponsibleStaff.Language, c.Id).Id;
            }

            audit.Record(AuditAction.PartnerAnswerRecorded, "Case", c.Id.ToString(), c.Id, new
            {
                agency = agency.Code,
                outcome = outcome.ToString(),
                linkId = link.Id,
                files = stored.Count,
                emailId,
                changes = new { status = new { before = statusBefore.ToString(), after = c.Status.ToString() }, dueAt = new { before = dueBefore, after = c.DueAt } },
            }, actorNameOverride: agency.Code);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Case {CaseId}: partner {Agency} answered through link {LinkId} with {Outcome} and {FileCount} files", c.Id, agency.Code, link.Id, outcome, stored.Count);
            return Outcome.Recorded;
        }
    }
}
