using System.Reflection;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>An evidence file as the consumer sees it: by name, removable.</summary>
public sealed record HeldFile(Guid Id, string FileName, string ContentType, long Length)
{
    public static async Task<IReadOnlyList<HeldFile>> OfAsync(AppDbContext db, IntakeDraft draft, CancellationToken ct)
    {
        var ids = draft.Files.Select(f => f.StoredFileId).ToList();
        var files = await db.StoredFiles.AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.FileName)
            .Select(f => new HeldFile(f.Id, f.FileName, f.ContentType, f.Length))
            .ToListAsync(ct);
        return files;
    }
}

public sealed record ConsentPage(GiveConsent.Form Consent, DraftState State, bool Discarded);

/// <summary>The form page: the form, the files held, what was just added or removed, the consent given at the gate.</summary>
/// <remarks>ForResident: a counselor filing for a resident; the section speaks of the resident, whose email is optional.</remarks>
public sealed record ComplaintFormPage(ComplaintForm Form, IReadOnlyList<HeldFile> Files, IReadOnlyList<string> Added, string? Removed, ConsentChoices Consent, bool ForResident = false)
{
    /// <summary>Staff entering a fax, letter or phone call: the section speaks of the consumer, whose email is optional.</summary>
    public bool ByStaff { get; init; }
}

/// <summary>The question before "delete my entries" deletes: the files that would go with the entries.</summary>
public sealed record DiscardPage(IReadOnlyList<HeldFile> Files);

/// <summary>The review page's data.</summary>
/// <remarks>FormPath: where each section's "change" link goes (the page's form); ForResident: filed by a counselor.</remarks>
public sealed record ReviewPage(ComplaintForm Form, ComplaintDetails Details, IReadOnlyList<HeldFile> Files, ConsentChoices Consent, string FormPath = "~/complaint/form", bool ForResident = false)
{
    /// <summary>Staff entering a fax, letter or phone call.</summary>
    public bool ByStaff { get; init; }

    /// <summary>The consumer's review: what the "send" form carries to name its draft (<see cref="SubmissionTickets"/>).</summary>
    public string? SubmissionTicket { get; init; }
}

public sealed record ReceiptPage(Guid CaseId, string CaseNumber, DateTimeOffset ReceivedAt, string Email, string BusinessCountryCode, bool AgreesToProvisionAbroad)
{
    /// <summary>The consumer's private tracking link, when this browser submitted the case and the link still works.</summary>
    public Uri? TrackingUrl { get; init; }

    /// <summary>The deadlines that may matter to the consumer (<see cref="Domain.Cases.TimeLimitedRights"/>), counted against today in Japan.</summary>
    public Cases.RightsDeadlinesView? Deadlines { get; init; }
}

/// <summary>The intake forms' field names (model-binding names) in the order of the page: the error summary lists them so.</summary>
public static class IntakeFieldOrder
{
    /// <summary>The complaint form's field names ("Form.Consumer.Name", …) in the order of the page, then the evidence.</summary>
    public static IReadOnlyList<string> Complaint { get; } =
    [
        .. typeof(ComplaintForm).GetProperties().OrderBy(p => p.MetadataToken)
            .SelectMany(section => section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken)
                .Select(field => $"{IntakeController.FormPrefix}.{section.Name}.{field.Name}")),
        IntakeController.EvidenceField,
    ];

    public static IReadOnlyList<string> Consent { get; } =
        [.. typeof(GiveConsent.Form).GetProperties().OrderBy(p => p.MetadataToken).Select(p => $"{IntakeController.ConsentPrefix}.{p.Name}")];
}
