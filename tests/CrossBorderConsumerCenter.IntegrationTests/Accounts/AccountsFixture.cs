using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>The portal with a clock the tests move (to let session re-checks and lockouts expire).</summary>
public sealed class AccountsFixture : PortalFixture
{
    /// <summary>Starts at the real time: Identity keeps some times (lockouts) on the system clock.</summary>
    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.AddSingleton<TimeProvider>(Clock));

    public Task<long> AuditCountAsync(string action, string? subjectId = null) =>
        subjectId is null
            ? Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = @a", ("a", action))
            : Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = @a AND subject_id = @s", ("a", action), ("s", subjectId));
}
