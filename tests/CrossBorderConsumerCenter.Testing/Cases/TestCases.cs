using CrossBorderConsumerCenter.Testing.Hosting;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Files;
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
}
