namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>Who a case email was written to, so that a reply to it is known to come from them.</summary>
public enum ReplyParty
{
    /// <summary>The consumer, at the address they gave.</summary>
    Consumer,

    /// <summary>The counselor (or the counselors of the center) who filed for a resident without an email address.</summary>
    Counselor,

    /// <summary>The partner agency the case was forwarded to.</summary>
    Partner,
}
