using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// Staff attach a waiting message to a case, saying who it is from: it then does exactly what the processor would have
/// done with it (<see cref="MailEffects.ApplyAsync"/>: the timeline line, the evidence, the consumer's or the partner's
/// answer), with the staff member named as the one who attached it; mail from "someone else" only goes on the
/// timeline. The message row is locked for the whole change, so two staff attaching or discarding it at once cannot
/// both succeed: the second is told it was handled meanwhile.
/// </summary>
public static class AttachMail
{
    /// <summary>Who the message is from, as staff judge it.</summary>
    public enum From
    {
        Consumer,
        Counselor,
        Partner,

        /// <summary>Someone the case does not know: the mail is recorded as information only.</summary>
        Other,
    }

    public sealed class Form
    {
        public string? CaseNumber { get; set; }

        public string? Sender { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<InboundMailText> text)
        {
            RuleFor(f => f.CaseNumber).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_CaseNumberRequired"])
                .Must(v => Domain.Cases.CaseNumber.TryRead(v, out _)).WithMessage(_ => text["Error_CaseNumberFormat"]);
            RuleFor(f => f.Sender)
                .Must(v => v is not null && Enum.GetNames<From>().Contains(v, StringComparer.Ordinal))
                .WithMessage(_ => text["Error_SenderRequired"]);
        }
    }

    public enum Outcome
    {
        Attached,
        NotFound,
        CaseNotFound,

        /// <summary>The message is no longer waiting: someone attached or discarded it meanwhile.</summary>
        AlreadyHandled,

        /// <summary>The case kept changing under the save (another staff member's change won twice).</summary>
        CaseChanged,
    }

    /// <summary>The outcome; for <see cref="Outcome.Attached"/> the case's number and the kind of line added.</summary>
    public sealed record Result(Outcome Outcome, string? CaseNumber = null, CaseEventKind? Added = null, InboundEmailState? State = null);

    public sealed class Handler(AppDbContext db, MailEffects effects, AuditTrail audit, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>How many times the change is tried when the case was saved by someone else in between.</summary>
        private const int Tries = 2;

        public async Task<Result> HandleAsync(Guid id, Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            var number = Domain.Cases.CaseNumber.TryRead(form.CaseNumber, out var parsed)
                ? parsed.ToString()
                : throw new ArgumentException("The form was not validated.", nameof(form));
            var from = Enum.Parse<From>(form.Sender!);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await TryAsync(id, number, from, user, ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < Tries)
                {
                    // The case was saved by someone else between reading and writing it: nothing was committed; read it again.
                    logger.LogInformation("Inbound mail {MailId}: case {CaseNumber} changed while it was attached; trying again", id, number);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return new Result(Outcome.CaseChanged);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<Result> TryAsync(Guid id, string number, From from, ClaimsPrincipal user, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var mail = await db.InboundEmails.FromSql($"SELECT * FROM inbound_emails WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (mail is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (mail.State != InboundEmailState.Unmatched)
            {
                return new Result(Outcome.AlreadyHandled, State: mail.State);
            }

            var c = await db.Cases.SingleOrDefaultAsync(x => x.Number == number, ct);
            if (c is null)
            {
                return new Result(Outcome.CaseNotFound);
            }

            ReplyParty? party = from switch
            {
                From.Consumer => ReplyParty.Consumer,
                From.Counselor => ReplyParty.Counselor,
                From.Partner => ReplyParty.Partner,
                _ => null,
            };
            var suggested = mail.CaseId;
            var read = MailReading.Read(mail.Raw, mail.RawTruncated, mail.FromAddress, mail.Subject);
            var staff = CaseActor.Staff(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "");
            var added = await effects.ApplyAsync(mail, read, c, party, staff, clock.GetUtcNow(), ct);
            audit.Record(AuditAction.InboundMailAttached, "InboundEmail", mail.Id.ToString(), c.Id, new
            {
                mailId = mail.Id,
                caseNumber = c.Number,
                party = from.ToString(),
                suggestedCaseId = suggested,
                line = added.Kind.ToString(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Inbound mail {MailId} attached to case {CaseId} by user {UserId} as {Party}", mail.Id, c.Id, staff.UserId, from);
            return new Result(Outcome.Attached, c.Number, added.Kind);
        }
    }
}
