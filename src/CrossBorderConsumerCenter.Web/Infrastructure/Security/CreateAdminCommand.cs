using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// `create-admin --email a@b.jp [--name "Name"] [--if-missing]`: creates an Admin account with a generated
/// password printed once. There is no default account and no default password. With --if-missing, an
/// existing account with that email is left alone (exit 0, nothing printed about its password). The printed password
/// is temporary: its owner chooses their own at the first sign-in.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email) || !Email.MailAddresses.IsValid(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email admin@example.jp [--name \"Display name\"] [--if-missing]");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            if (args.Contains("--if-missing"))
            {
                return 0;
            }

            await Console.Error.WriteLineAsync($"An account with the email {email} already exists. An admin can reissue its password on the Accounts page.");
            return 1;
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Option(args, "--name") ?? "Administrator", CreatedAt = clock.GetUtcNow(), MustChangePassword = true };
        var password = PasswordGenerator.Generate();
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("The account could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), AuditAction.UserCreated, null, "create-admin command", "User", user.Id.ToString(), null, $"{{\"roles\":[\"{Roles.Admin}\"]}}", null));
        await db.SaveChangesAsync();
        await Console.Out.WriteLineAsync($"Created the admin account {email}.");
        await Console.Out.WriteLineAsync($"Password (shown only now): {password}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
