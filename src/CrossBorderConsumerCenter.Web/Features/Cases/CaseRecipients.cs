using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>Where a case's email to the consumer goes, and in which language: the one place that decides it for every feature.</summary>
public static class CaseRecipients
{
    /// <summary>The consumer's address and language (the counselors' issue changes this one place for cases filed for a resident).</summary>
    public static (EmailRecipients Recipients, string Language) Consumer(Case c) => (EmailRecipients.ForAddress(c.ConsumerEmail), c.Language);
}
