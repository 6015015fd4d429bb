using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>Why a case cannot be forwarded to a partner agency now.</summary>
public enum ForwardingRefusal
{
    /// <summary>The consumer did not agree to provision abroad (APPI art. 28): staff advise instead.</summary>
    NoConsent,

    /// <summary>The case is closed or declined.</summary>
    CaseFinished,

    /// <summary>The case waits for the consumer's answer first.</summary>
    WaitingForConsumer,

    /// <summary>No agency covers the merchant's country: staff advise instead.</summary>
    NoAgency,

    /// <summary>The agency that covers the country is not active.</summary>
    AgencyInactive,

    /// <summary>The agency has no email address yet (configuration or the admin page).</summary>
    AgencyHasNoAddress,
}

/// <summary>The items of personal data a forward may carry, as the provision record names them (APPI art. 29).</summary>
public enum ProvidedItem
{
    /// <summary>The consumer's name (and its reading).</summary>
    Name,

    /// <summary>The consumer's postal address (postal code, prefecture, address).</summary>
    Address,

    /// <summary>What was bought, when, for how much, the order number, how it was paid.</summary>
    Purchase,

    /// <summary>What happened, the contact with the business and its answer, what the consumer wants.</summary>
    Complaint,

    /// <summary>Evidence files attached to the forward.</summary>
    EvidenceFiles,
}

/// <summary>A consumer's detail that must not be in a forward's text.</summary>
public enum PersonalDetail
{
    Email,
    Phone,
    Name,
    Address,
}

/// <summary>The consumer's identifying details, as the forwarding rules check a text for them.</summary>
/// <remarks>Email is null for a resident a counselor filed for without one.</remarks>
public sealed record ConsumerContact(string Name, string? NameKana, string? Email, string Phone, string Address)
{
    /// <summary>The name in Latin letters (as the forward would write it), found in a text as the name is.</summary>
    public string? LatinName { get; init; }
}

/// <summary>
/// When a case may go to a partner agency, and with what. The consumer's email address and phone number are never
/// provided: the agency answers the center, which talks to the consumer.
/// </summary>
public static class ForwardingRules
{
    /// <summary>Attachments of one forward, in all: partners' mail servers commonly refuse messages over 25 MB, and base64 adds a third.</summary>
    public const long MaxAttachmentBytes = 15L * 1024 * 1024;

    /// <summary>Items every forward carries: the facts of the case.</summary>
    public static readonly IReadOnlyList<ProvidedItem> AlwaysProvided = [ProvidedItem.Purchase, ProvidedItem.Complaint];

    /// <summary>Personal details staff may choose to include, with the consumer's consent.</summary>
    public static readonly IReadOnlyList<ProvidedItem> Optional = [ProvidedItem.Name, ProvidedItem.Address];

    /// <summary>Every reason the case cannot be forwarded now (empty when it can), most fundamental first.</summary>
    public static IReadOnlyList<ForwardingRefusal> Refusals(CaseStatus status, bool agreesToProvisionAbroad, PartnerListing? agency)
    {
        var refusals = new List<ForwardingRefusal>();
        if (!CaseWorkflow.IsOpen(status))
        {
            refusals.Add(ForwardingRefusal.CaseFinished);
        }
        else if (!CaseWorkflow.Can(status, CaseAction.Forward))
        {
            refusals.Add(ForwardingRefusal.WaitingForConsumer);
        }

        if (!agreesToProvisionAbroad)
        {
            refusals.Add(ForwardingRefusal.NoConsent);
        }

        if (agency is null)
        {
            refusals.Add(ForwardingRefusal.NoAgency);
        }
        else if (!agency.IsActive)
        {
            refusals.Add(ForwardingRefusal.AgencyInactive);
        }
        else if (!agency.HasAddresses)
        {
            refusals.Add(ForwardingRefusal.AgencyHasNoAddress);
        }

        return refusals;
    }

    /// <summary>
    /// Personal details of the consumer that the text staff wrote contains but the forward must not carry: the email
    /// address and the phone number always (the agency answers the center), the name and the address unless chosen.
    /// Digits are compared without separators, so "090 1234 5678" is found as "090-1234-5678".
    /// A check for what staff typed by mistake, not a guarantee: staff read the preview before sending.
    /// </summary>
    public static IReadOnlyList<PersonalDetail> PersonalDetailsInText(string text, ConsumerContact consumer, IReadOnlyCollection<ProvidedItem> chosen)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var found = new List<PersonalDetail>();
        if (Contains(text, consumer.Email))
        {
            found.Add(PersonalDetail.Email);
        }

        var phoneDigits = Digits(consumer.Phone);
        if (phoneDigits.Length >= 6 && Digits(text).Contains(phoneDigits, StringComparison.Ordinal))
        {
            found.Add(PersonalDetail.Phone);
        }

        if (!chosen.Contains(ProvidedItem.Name) && (Contains(text, consumer.Name) || Contains(text, consumer.NameKana) || Contains(text, consumer.LatinName)))
        {
            found.Add(PersonalDetail.Name);
        }

        if (!chosen.Contains(ProvidedItem.Address) && Contains(text, consumer.Address))
        {
            found.Add(PersonalDetail.Address);
        }

        return found;
    }

    private static bool Contains(string text, string? value) =>
        value?.Trim() is { Length: >= 2 } trimmed && text.Contains(trimmed, StringComparison.OrdinalIgnoreCase);

    // Full-width digits (０９０) are folded first.
    private static string Digits(string? value) => new([.. (value ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit)]);

    /// <summary>What a forward provides, in a stable order: the facts, the chosen personal details, and files if any.</summary>
    public static IReadOnlyList<ProvidedItem> ItemsProvided(IEnumerable<ProvidedItem> chosen, int evidenceFiles)
    {
        var items = AlwaysProvided.Concat(chosen.Where(Optional.Contains)).ToHashSet();
        if (evidenceFiles > 0)
        {
            items.Add(ProvidedItem.EvidenceFiles);
        }

        return [.. Enum.GetValues<ProvidedItem>().Where(items.Contains)];
    }
}
