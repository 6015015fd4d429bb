using System.Text.Json;
using System.Text.Json.Serialization;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Domain.Partners;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// The particulars of a timeline line, kept as JSON in <see cref="CaseEvent.Data"/> (<c>case_events.data</c>): one
/// record per kind of line that has any. <see cref="Case"/>'s methods write them; the case page, the tracking page
/// and the consumer's status emails read them back with <see cref="Read"/> (or <see cref="CaseEvent.ReadData"/>).
/// </summary>
/// <remarks>
/// The JSON is the one the timeline has always stored, so the lines already saved read back unchanged: every member
/// names its JSON property (a rename in C# never renames it), enums are stored by member name, times as ISO 8601
/// with their offset, missing values as <c>null</c>, and text outside ASCII escaped as the serializer does by default.
/// PostgreSQL's jsonb keeps the values but not the spacing or the order of the properties; neither matters for reading.
/// </remarks>
public abstract record CaseEventData
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The kinds of line that carry particulars, and their record; other kinds carry none.</summary>
    private static readonly Dictionary<CaseEventKind, Type> Types = new()
    {
        [CaseEventKind.Assigned] = typeof(Assigned),
        [CaseEventKind.CategoryChanged] = typeof(CategoryChanged),
        [CaseEventKind.PriorityChanged] = typeof(PriorityChanged),
        [CaseEventKind.ConsumerReplied] = typeof(ConsumerReplied),
        [CaseEventKind.InformationAdded] = typeof(InformationAdded),
        [CaseEventKind.Forwarded] = typeof(Forwarded),
        [CaseEventKind.PartnerResponded] = typeof(PartnerResponded),
        [CaseEventKind.Declined] = typeof(Declined),
        [CaseEventKind.Closed] = typeof(Closed),
        [CaseEventKind.Withdrawn] = typeof(Withdrawn),
        [CaseEventKind.WaitExtended] = typeof(WaitExtended),
        [CaseEventKind.MarkedOverdue] = typeof(MarkedOverdue),
        [CaseEventKind.ReminderSent] = typeof(ReminderSent),
        [CaseEventKind.EmailReceived] = typeof(EmailReceived),
        [CaseEventKind.DeliveryFailed] = typeof(DeliveryFailed),
        [CaseEventKind.Corrected] = typeof(Corrected),
        [CaseEventKind.Received] = typeof(Received),
    };

    private protected CaseEventData()
    {
    }

    /// <summary>The record a line of <paramref name="kind"/> carries, or null for a kind without particulars.</summary>
    public static Type? TypeOf(CaseEventKind kind) => Types.GetValueOrDefault(kind);

    /// <summary>
    /// The particulars of a stored line: the record of its kind, or null when the line has none (or its kind carries
    /// none). A member missing from the stored JSON reads as its default (null, zero).
    /// </summary>
    public static CaseEventData? Read(CaseEventKind kind, string? json) =>
        json is null || TypeOf(kind) is not { } type ? null : (CaseEventData?)JsonSerializer.Deserialize(json, type, Json);

    /// <summary>The JSON stored for a line of <paramref name="kind"/>; refuses particulars of another kind.</summary>
    internal static string? Write(CaseEventKind kind, CaseEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var type = data.GetType();
        if (TypeOf(kind) != type)
        {
            throw new ArgumentException($"A {kind} line does not carry {type.Name}.", nameof(data));
        }

        return JsonSerializer.Serialize(data, type, Json);
    }

    /// <summary>The case changed hands: from whom and to whom (null: nobody), and the new assignee's display name then.</summary>
    public sealed record Assigned(
        [property: JsonPropertyName("from")] Guid? From,
        [property: JsonPropertyName("to")] Guid? To,
        [property: JsonPropertyName("toName")] string? ToName) : CaseEventData;

    /// <summary>Staff recategorized the case.</summary>
    public sealed record CategoryChanged(
        [property: JsonPropertyName("from")] CaseCategory From,
        [property: JsonPropertyName("to")] CaseCategory To) : CaseEventData;

    /// <summary>Staff changed the case's priority.</summary>
    public sealed record PriorityChanged(
        [property: JsonPropertyName("from")] CasePriority From,
        [property: JsonPropertyName("to")] CasePriority To) : CaseEventData;

    /// <summary>
    /// How many files came with the consumer's answer, how it came when not through the tracking page (by email, or by
    /// phone, fax, letter or in person as staff recorded it) and the message it came in. An answer on the tracking page
    /// without files carries no particulars.
    /// </summary>
    public sealed record ConsumerReplied(
        [property: JsonPropertyName("files")] int Files,
        [property: JsonPropertyName("via"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReplyChannel? Via = null,
        [property: JsonPropertyName("mailId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? MailId = null) : CaseEventData;

    /// <summary>How many files came with information a counselor added (none: no particulars).</summary>
    public sealed record InformationAdded(
        [property: JsonPropertyName("files")] int Files) : CaseEventData;

    /// <summary>
    /// The case went to the partner agency: its code and English name at the time, the merchant's country, the
    /// record of provision, the email that carried the case, the items provided (<see cref="ProvidedItem"/> names)
    /// and how many evidence files went with it. The portal writes every member; the synthetic cases that
    /// the benchmark's data generator makes for the benchmark carry only the agency's code, hence the nullable members.
    /// </summary>
    public sealed record Forwarded(
        [property: JsonPropertyName("agency")] string Agency,
        [property: JsonPropertyName("agencyName")] string? AgencyName,
        [property: JsonPropertyName("country")] string? Country,
        [property: JsonPropertyName("provisionId")] Guid? ProvisionId,
        [property: JsonPropertyName("emailId")] Guid? EmailId,
        [property: JsonPropertyName("items")] IReadOnlyList<string>? Items,
        [property: JsonPropertyName("files")] int Files) : CaseEventData;

    /// <summary>
    /// The partner agency answered: the agency's code, what the merchant did (the merchant's outcome, not the case's;
    /// unknown for an answer by email until staff read it), the link answered (none for an answer that came another
    /// way), how many files came with the answer, and for an answer not given through the link how it came and the
    /// message it came in.
    /// </summary>
    public sealed record PartnerResponded(
        [property: JsonPropertyName("agency")] string Agency,
        [property: JsonPropertyName("outcome")] PartnerOutcome? Outcome,
        [property: JsonPropertyName("linkId")] Guid? LinkId,
        [property: JsonPropertyName("files")] int Files,
        [property: JsonPropertyName("via"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReplyChannel? Via = null,
        [property: JsonPropertyName("mailId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? MailId = null) : CaseEventData;

    /// <summary>Why the center declined the case, and for a duplicate the number of the case it duplicates.</summary>
    public sealed record Declined(
        [property: JsonPropertyName("reason")] DeclineReason Reason,
        [property: JsonPropertyName("duplicateOf")] string? DuplicateOf) : CaseEventData;

    /// <summary>How the closed case ended (staff's close, or the clock's close for no reply).</summary>
    public sealed record Closed(
        [property: JsonPropertyName("outcome")] CaseOutcome Outcome) : CaseEventData;

    /// <summary>The consumer withdrew the case (its outcome is always <see cref="CaseOutcome.Withdrawn"/>).</summary>
    public sealed record Withdrawn(
        [property: JsonPropertyName("outcome")] CaseOutcome Outcome) : CaseEventData;

    /// <summary>Staff keep waiting for the consumer until this new deadline.</summary>
    public sealed record WaitExtended(
        [property: JsonPropertyName("until")] DateTimeOffset Until) : CaseEventData;

    /// <summary>The clock marked the case overdue: the deadline that passed.</summary>
    public sealed record MarkedOverdue(
        [property: JsonPropertyName("dueAt")] DateTimeOffset? DueAt) : CaseEventData;

    /// <summary>The clock reminded the consumer: the new deadline for their answer.</summary>
    public sealed record ReminderSent(
        [property: JsonPropertyName("replyBy")] DateTimeOffset ReplyBy) : CaseEventData;

    /// <summary>
    /// A message came in for the case that answers nothing pending (the case was not waiting for its sender): who
    /// sent it (the party the case knows the address as, none when staff attached mail from an address the case does
    /// not know), the sender's address, the stored message and how many of its attachments became evidence.
    /// </summary>
    public sealed record EmailReceived(
        [property: JsonPropertyName("party")] ReplyParty? Party,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("mailId")] Guid MailId,
        [property: JsonPropertyName("files")] int Files) : CaseEventData;

    /// <summary>One of the case's emails did not arrive: the outbox message, the address it failed for, and the report's status.</summary>
    public sealed record DeliveryFailed(
        [property: JsonPropertyName("emailId")] Guid EmailId,
        [property: JsonPropertyName("recipient")] string? Recipient,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("mailId")] Guid MailId) : CaseEventData;

    /// <summary>
    /// Staff corrected the case: which fields (<see cref="CaseCorrection"/> names), and for a new merchant country the
    /// countries before and after (ISO codes; not personal data, so the line may name them). The values themselves are in
    /// the audit trail only.
    /// </summary>
    public sealed record Corrected(
        [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
        [property: JsonPropertyName("countryFrom"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CountryFrom = null,
        [property: JsonPropertyName("countryTo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CountryTo = null) : CaseEventData;

    /// <summary>A case staff entered from a fax, a letter or a phone call: how it came (a case through the form carries no particulars).</summary>
    public sealed record Received(
        [property: JsonPropertyName("channel")] CaseChannel Channel) : CaseEventData;
}
