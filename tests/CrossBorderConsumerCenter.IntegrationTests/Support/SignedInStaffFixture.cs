using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>
/// The portal on a clock that stands still (from today, see TestTime) with a staff member signed in once for the class
/// (tests in a class run one after another): the base of the back office's page fixtures.
/// </summary>
public abstract class SignedInStaffFixture : PortalFixture
{
    private StaffAccounts.Account? _staff;
    private FormClient? _client;

    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public StaffAccounts.Account Staff => _staff ?? throw new InvalidOperationException("Not initialised.");

    public FormClient Client => _client ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_client, _staff) = await StaffAccounts.SignedInAsync(Factory, Roles.Staff);
    }

    public override async Task DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
    }

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}
