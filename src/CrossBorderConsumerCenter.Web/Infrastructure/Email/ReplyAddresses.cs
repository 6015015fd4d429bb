// TEMPORARY until the reply-address branch merges: same API.
using CrossBorderConsumerCenter.Web.Domain.Mail;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

public sealed record ReplyAddressMatch(Guid CaseId, ReplyParty Party);

public sealed class ReplyAddresses
{
    public bool RepliesAreRead => false;

    public string? For(Guid caseId, ReplyParty party) => null;

    public ReplyAddressMatch? Read(string? address) => null;

    public Guid? CaseOfMessageId(string? messageId) => null;
}
