using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Forms;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Staff record an answer that reached the center another way than the portal: the consumer phoned, faxed or wrote
/// back, or the partner agency did. It has the effect the answer through the portal has: the consumer's answer takes
/// the case back to staff and stops the no-reply clock; the agency's moves the case to "partner responded" with what
/// the merchant did. The line on the timeline says how the answer came and who recorded it.
/// </summary>
public static class RecordReply
{
    /// <summary>Whose answer it is.</summary>
    public enum From
    {
        Consumer,
        Partner,
    }

    /// <summary>The ways staff record (email is read from the mailbox by itself, or attached from the mail page).</summary>
    public static readonly IReadOnlyList<ReplyChannel> Channels = [ReplyChannel.Phone, ReplyChannel.Fax, ReplyChannel.Letter, ReplyChannel.InPerson, ReplyChannel.Email];

    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Party { get; set; }
        public string? Channel { get; set; }

        /// <summary>What the merchant did, for the agency's answer.</summary>
        public string? Outcome { get; set; }

        public string? Text { get; set; }

        public string? TypedText => Text;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text)
        {
            RuleFor(f => f.Party).Must(v => FormValues.ParseEnum<From>(v) is not null).WithMessage(_ => text["RecordReply_Party_Required"]);
            RuleFor(f => f.Channel).Must(v => FormValues.ParseEnum<ReplyChannel>(v) is { } c && Channels.Contains(c)).WithMessage(_ => text["RecordReply_Channel_Required"]);
            RuleFor(f => f.Outcome).Must(v => FormValues.ParseEnum<PartnerOutcome>(v) is not null)
                .When(f => f.Party == nameof(From.Partner)).WithMessage(_ => text["RecordReply_Outcome_Required"]);
            RuleFor(f => f.Text).FreeText(text, "RecordReply_Text_Label", required: true);
        }
    }

    /// <summary>Whose answer the case can take now: the consumer's while it waits for them, the agency's while it is with the agency.</summary>
    public static bool Accepts(CaseStatus status, From party) =>
        CaseWorkflow.Can(status, party == From.Consumer ? CaseAction.ReceiveConsumerReply : CaseAction.RecordPartnerResponse);

    public sealed class Handler(CaseChanges changes, AppDbContext db)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.RecordReply, user, async (c, actor, now) =>
            {
                var party = FormValues.ParseEnum<From>(form.Party)!.Value;
                var channel = FormValues.ParseEnum<ReplyChannel>(form.Channel)!.Value;
                if (!Accepts(c.Status, party))
                {
                    return CaseChanges.Change.Refuse(nameof(Form.Party), party == From.Consumer ? "RecordReply_NotWaitingForConsumer" : "RecordReply_NotWithPartner");
                }

                if (party == From.Consumer)
                {
                    c.ReceiveConsumerReply(form.Text!, actor, now, via: channel);
                    return CaseChanges.Change.Made(new { party = party.ToString(), channel = channel.ToString() });
                }

                // The agency the case was last forwarded to (the line of each forward names it).
                var forwarded = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Forwarded)
                    .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Data).FirstOrDefaultAsync(ct);
                if ((CaseEventData.Read(CaseEventKind.Forwarded, forwarded) as CaseEventData.Forwarded)?.Agency is not { } agency)
                {
                    return CaseChanges.Change.Refuse(nameof(Form.Party), "RecordReply_NotWithPartner");
                }

                var outcome = FormValues.ParseEnum<PartnerOutcome>(form.Outcome)!.Value;
                c.RecordPartnerReply(agency, outcome, form.Text!, channel, mailId: null, [], actor, now);
                return CaseChanges.Change.Made(new { party = party.ToString(), channel = channel.ToString(), agency, outcome = outcome.ToString() });
            }, ct);
    }
}
