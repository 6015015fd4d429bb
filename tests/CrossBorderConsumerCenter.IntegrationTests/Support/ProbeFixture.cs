using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>The portal with <see cref="ProbeController"/> added.</summary>
public sealed class ProbeFixture : PortalFixture
{
    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(ProbeController).Assembly));
}
