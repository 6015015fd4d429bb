namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>Who a case email was written to, so that a reply is known to come from them.</summary>
public enum ReplyParty
{
    Consumer,
    Counselor,
    Partner,
}
