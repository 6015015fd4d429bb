using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>The portal on a clock the tests control, with a staff member ("me") signed in and a colleague to assign cases to.</summary>
public class QueueFixture : PortalFixture
{
    /// <summary>The real time in whole seconds (Identity keeps some times on the system clock; PostgreSQL keeps microseconds).</summary>
    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public FormClient Me { get; private set; } = null!;

    public StaffAccounts.Account MyAccount { get; private set; } = null!;

    public StaffAccounts.Account Colleague { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (Me, MyAccount) = await StaffAccounts.SignedInAsync(Factory, Roles.Staff);
        Colleague = await StaffAccounts.CreateAsync(Factory, Roles.Supervisor);
    }

    public override async Task DisposeAsync()
    {
        Me?.Dispose();
        await base.DisposeAsync();
    }

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    /// <summary>The case numbers listed on a queue page, in order.</summary>
    public static IReadOnlyList<string> ListedNumbers(HtmlPage page) =>
        [.. page.FindAll(".queue-table tbody th a").Select(a => a.TextContent.Trim())];
}
