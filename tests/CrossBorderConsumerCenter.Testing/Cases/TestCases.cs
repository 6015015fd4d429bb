using CrossBorderConsumerCenter.Testing.Hosting;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.Testing.Cases;

/// <summary>Real cases in a test database, received the way intake receives them (numbered, with consent and timeline).</summary>
public static class TestCases
{
    /// <summary>
    /// Receives a case now (the portal's clock); <paramref name="details"/> defaults to a valid US complaint.
    /// <paramref name="evidence"/> files are stored with it, as intake stores uploads.
    /// </summary>
    public static async Task<Case> ReceiveAsync(
        PortalFactory factory, ComplaintDetails? details = null, ConsentChoices? consent = null, string language = "ja", IReadOnlyList<StoredFile>? evidence = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.StoredFiles.AddRange(evidence ?? []);
        var number = await CaseNumbers.NextAsync(db, now, CancellationToken.None);
        var received = Case.Receive(number, Guid.NewGuid(), details ?? TestComplaints.Details(), consent ?? TestComplaints.Consent(), language, now, [.. (evidence ?? []).Select(f => f.Id)]);
        db.Cases.Add(received);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return received;
    }

    /// <summary>
    /// A case a counselor filed for a resident (with <paramref name="residentEmail"/>, or none), received now, with the
    /// counselor's attestation of consent, and its private tracking link, whose token is returned.
    /// </summary>
    public static async Task<(Case Case, string TrackingToken)> FileForResidentAsync(
        PortalFactory factory, StaffAccounts.Account counselor, string? residentEmail = null, string language = "ja", ResidentRelation relation = ResidentRelation.Carer)
    {
        var details = TestComplaints.Details();
        details = details with { Consumer = details.Consumer with { Email = residentEmail } };
        var filing = new CounselorFiling(counselor.Id, counselor.CenterId ?? throw new ArgumentException("Not a counselor.", nameof(counselor)), relation);
        return await ReceiveTrackedAsync(factory, details, TestComplaints.AttestedConsent(), language, filing);
    }

    /// <summary>
    /// A complete draft of a case a staff member is entering from a phone call (the first step done and the form saved),
    /// so that the paper intake's form and review pages open for them.
    /// </summary>
    public static async Task PaperDraftAsync(PortalFactory factory, Guid staffId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var draft = Web.Domain.Intake.IntakeDraft.ForStaff(staffId, CaseChannel.Phone, now.AddHours(-1), "ja",
            TestComplaints.AttestedConsent() with { GivenAt = now.AddHours(-1) }, now);
        draft.SaveForm(Web.Features.Intake.SaveComplaint.Serialize(TestComplaints.Form()), now);
        db.IntakeDrafts.Add(draft);
        await db.SaveChangesAsync();
    }

    /// <summary>A case received now with its private tracking link (as intake gives it), and the link's token.</summary>
    public static async Task<(Case Case, string TrackingToken)> ReceiveTrackedAsync(
        PortalFactory factory, ComplaintDetails? details = null, ConsentChoices? consent = null, string language = "ja", CounselorFiling? filing = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await CaseNumbers.NextAsync(db, now, CancellationToken.None);
        var received = Case.Receive(number, Guid.NewGuid(), details ?? TestComplaints.Details(), consent ?? TestComplaints.Consent(), language, now, [], filing);
        db.Cases.Add(received);
        var token = scope.ServiceProvider.GetRequiredService<TrackingLinks>().Issue(received.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (received, token);
    }
}
