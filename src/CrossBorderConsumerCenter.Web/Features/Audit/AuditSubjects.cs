namespace CrossBorderConsumerCenter.Web.Features.Audit;

/// <summary>
/// The kinds of subject the portal writes to the audit trail (<c>AuditEntry.SubjectType</c>) that the trail's page names
/// by something people recognise; a kind not listed here is shown as written, with its id.
/// </summary>
public static class AuditSubjects
{
    public const string Case = "Case";
    public const string CaseEvidence = "CaseEvidence";
    public const string User = "User";
    public const string ConsumerCenter = "ConsumerCenter";
    public const string PartnerAgency = "PartnerAgency";
    public const string InboundEmail = "InboundEmail";
    public const string OutboundEmail = "OutboundEmail";
}
