using CrossBorderConsumerCenter.Testing.Hosting;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.Testing.Cases;

/// <summary>What a queue test needs a case to look like; everything not given is an ordinary received US case.</summary>
public sealed record QueueCase
{
    public TimeSpan Age { get; init; } = TimeSpan.FromHours(1);
    public string Name { get; init; } = "山田 太郎";
    public string? NameKana { get; init; } = "ヤマダ タロウ";
    public string Email { get; init; } = "taro@example.jp";
    public string Business { get; init; } = "Example Gadgets Inc.";
    public string? Website { get; init; } = "https://gadgets.example.com/";
    public string Country { get; init; } = "US";
    public CaseCategory Category { get; init; } = CaseCategory.NotDelivered;
    public PurchasePlatform Platform { get; init; } = PurchasePlatform.BusinessOwnSite;
    public PaymentMethod Payment { get; init; } = PaymentMethod.CreditCard;

    /// <summary>The item arrived this many days after the purchase (which is 30 days before the case was received); null: not given.</summary>
    public int? ArrivedAfterDays { get; init; }
    public string WhatHappened { get; init; } = "注文した商品が届きません。";
    public string Language { get; init; } = "ja";
    public CaseStatus Status { get; init; } = CaseStatus.Received;
    public CasePriority Priority { get; init; } = CasePriority.Normal;

    /// <summary>The deadline, relative to the clock's now (negative: overdue); null: none.</summary>
    public TimeSpan? DueIn { get; init; } = TimeSpan.FromDays(2);

    public Guid? AssignedTo { get; init; }

    /// <summary>How long ago the case last changed; defaults to its age.</summary>
    public TimeSpan? ActiveAgo { get; init; }
}

/// <summary>Puts cases into a test database the way intake does (numbered, with consent), then sets their back-office state directly.</summary>
public static class QueueCases
{
    public static async Task<IReadOnlyList<Case>> AddAsync(PortalFactory factory, params QueueCase[] cases)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var received = new List<Case>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            foreach (var c in cases)
            {
                var at = now - c.Age;
                var purchased = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-30);
                var details = new ComplaintDetails(
                    new ConsumerDetails(c.Name, c.NameKana, c.Email, "090-1234-5678", "100-0001", "JP-13", "千代田区千代田1-1", AgeBand.Forties),
                    new BusinessDetails(c.Business, c.Website, c.Country, null, null),
                    new PurchaseDetails(purchased, "ワイヤレスイヤホン", 129.99m, "USD", c.Payment, c.Platform, null, null, c.ArrivedAfterDays is { } after ? purchased.AddDays(after) : null),
                    new TroubleDetails(c.Category, c.WhatHappened, purchased.AddDays(10), BusinessContactMethod.Email, "返事がありません。", DesiredResolution.Refund, c.Category == CaseCategory.Counterfeit));
                var @case = Case.Receive(await CaseNumbers.NextAsync(db, at, default), Guid.NewGuid(), details, TestComplaints.Consent(), c.Language, at, []);
                db.Cases.Add(@case);
                received.Add(@case);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        foreach (var (c, @case) in cases.Zip(received))
        {
            DateTimeOffset? due = c.DueIn is { } dueIn && CaseWorkflow.IsOpen(c.Status) ? now + dueIn : null;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE cases SET status = {c.Status.ToString()}, priority = {c.Priority.ToString()}, due_at = {due},
                    assigned_to_id = {c.AssignedTo}, last_activity_at = {now - (c.ActiveAgo ?? c.Age)}
                WHERE id = {@case.Id}
                """);
        }

        return received;
    }

    /// <summary>
    /// Copies a case <paramref name="count"/> times in one statement (numbered CCJ-2001-000001 on, received a minute
    /// apart before it), for tests that need thousands of cases. The generated columns fill themselves.
    /// </summary>
    public static async Task CloneAsync(PortalFactory factory, Case template, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var columns = await db.Database.SqlQuery<string>(
            $"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = 'cases' AND is_generated = 'NEVER' ORDER BY ordinal_position")
            .ToListAsync();
        var values = columns.Select(c => c switch
        {
            "id" or "submission_id" => "gen_random_uuid()",
            "number" => "'CCJ-2001-' || lpad(g::text, 6, '0')",
            "received_at" => "c.received_at - g * interval '1 minute'",
            _ => "c." + c,
        });
        var sql = $"INSERT INTO cases ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM cases c, generate_series(1, {count}) g WHERE c.id = '{template.Id}'";
#pragma warning disable EF1002 // Built from the catalog's column names and a Guid, not from input.
        await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
        await db.Database.ExecuteSqlRawAsync("ANALYZE cases");
    }
}
