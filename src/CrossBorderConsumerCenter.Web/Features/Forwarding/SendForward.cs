using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.PartnerAnswer;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>
/// Sends a forward, in one transaction: the email to the agency's addresses in its language with the chosen files
/// attached (by reference) and a new answer link, the record of provision, the case moved to "forwarded" with the
/// agency's deadline, its timeline line, and the audit entry. Everything the compose page checked is checked again
/// against the case as it is now; a case changed since the page was composed is refused (xmin), so a double click
/// sends once. A follow-up forward works the same way and is recorded again.
/// </summary>
public static class SendForward
{
    public sealed class Handler(AppDbContext db, CaseChanges changes, ForwardEmail email, EmailOutbox outbox, IOptions<PartnerLinksOptions> links)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, ComposeForward.Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Forward, user, async (c, actor, now) =>
            {
                await db.Entry(c).Collection(x => x.Consents).LoadAsync(ct);
                var agency = (await PartnerDirectory.LoadAsync(db, ct)).Covering(c.BusinessCountryCode);
                var refusals = ForwardingRules.Refusals(c.Status, c.Consent.AgreesToProvisionAbroad, agency);
                if (refusals.Count > 0)
                {
                    return CaseChanges.Change.Refuse("", "Refusal_" + refusals[0]);
                }

                var due = CaseClocks.PartnerDue(now, agency!.ResponseBusinessDays);
                var page = new ComposeForward.Page(c, agency, refusals, await ComposeForward.Handler.FilesAsync(db, c.Id, ct), form, due, now + links.Value.ValidFor, 0);
                if (ComposeForward.Handler.Check(page) is [var problem, ..])
                {
                    return CaseChanges.Change.Refuse(problem.Field, problem.MessageKey, problem.Arguments);
                }

                var addresses = await db.PartnerAgencies.Where(a => a.Id == agency.Id).Select(a => a.EmailAddresses).SingleAsync(ct);
                var files = ComposeForward.Handler.Chosen(page);
                var provisionId = Guid.CreateVersion7(now);
                var (link, token) = PartnerLink.Create(c.Id, agency.Id, provisionId, now, links.Value.ValidFor);
                var message = outbox.Enqueue(
                    email.Compose(c, agency, form, files, token, due, link.ExpiresAt),
                    ForwardEmail.TemplateName,
                    new EmailRecipients(addresses) { Answering = ReplyParty.Partner },
                    agency.Language,
                    c.Id,
                    files.Select(f => new EmailAttachmentRef(f.StoredFileId, f.DeliveryName)),
                    redactAfterSending: [token]);
                var items = ForwardingRules.ItemsProvided(form.Chosen, files.Count);
                var provision = new PartnerProvision(
                    provisionId, c.Id, agency, c.BusinessCountryCode, addresses, items, [.. files.Select(f => f.DeliveryName)], message.Id, actor.UserId, actor.Name, now,
                    form.ToForwardedText(c));
                db.PartnerProvisions.Add(provision);
                db.PartnerLinks.Add(link);
                c.Forward(provision, agency.ResponseBusinessDays, actor, now);
                return CaseChanges.Change.Made(new { provisionId, emailId = message.Id, linkId = link.Id, agency = agency.Code, items = provision.Items, files = files.Count, originalIncluded = form.IncludeOriginal });
            }, ct);
    }
}
