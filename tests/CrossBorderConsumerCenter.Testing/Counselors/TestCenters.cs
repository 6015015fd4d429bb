using CrossBorderConsumerCenter.Testing.Hosting;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Counselors;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.Testing.Counselors;

/// <summary>Consumer centers in a test database, created as admins create them (active).</summary>
public static class TestCenters
{
    public static async Task<ConsumerCenter> CreateAsync(PortalFactory factory, string? name = null, string prefecture = "JP-13")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var center = new ConsumerCenter(name ?? $"テスト区消費者センター {Guid.NewGuid().ToString("N")[..6]}", prefecture, "03-3880-5380",
            scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        db.ConsumerCenters.Add(center);
        await db.SaveChangesAsync();
        return center;
    }
}
