using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Contact;

/// <summary>
/// Who runs the service and how to reach the center: the complaint form, the fax for those without the internet, the
/// email address (questions and one's own case, never a new case), the phone (questions only, no cases), the postal
/// address, office hours, and the consumer hotline 188 for businesses in Japan. Every detail comes from the settings
/// (section "Center").
/// </summary>
public sealed class ContactController(IOptions<CenterContactOptions> center, IOptions<ImapOptions> mailbox) : Controller
{
    [HttpGet("/contact")]
    public IActionResult Index() => View(new ContactPage(center.Value, MailIsRead: mailbox.Value.ReadsMailbox || mailbox.Value.ReadsPickupDirectory));
}

/// <param name="Center">The center's details.</param>
/// <param name="MailIsRead">
/// The portal reads the center's mailbox, so a message to the center's address is stored and reaches its case or staff
/// (ADR 0023, 0025); the page says so only then.
/// </param>
public sealed record ContactPage(CenterContactOptions Center, bool MailIsRead);
