using CrossBorderConsumerCenter.Web.Infrastructure.Email;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// The acknowledgement of a case a counselor filed for a resident without an email address: written to the counselor (or
/// their center), naming the resident, with the case's link (CounselorAcknowledgement_Subject/_Body in CounselorText).
/// A resident with an email address gets intake's own acknowledgement instead.
/// </summary>
public sealed record CounselorAcknowledgement(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
{
    public const string TemplateName = "CounselorAcknowledgement";

    public string Name => TemplateName;

    public Type ResourceType => typeof(CounselorText);
}
