using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>Accounts for tests, created through the portal's own UserManager, and signing them in like a browser.</summary>
public static class StaffAccounts
{
    /// <summary>The password of every account created here (test databases only).</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>An account created for a test; CenterId is a counselor's consumer center.</summary>
    public sealed record Account(Guid Id, string Email, string DisplayName, string[] Roles, Guid? CenterId = null);

    /// <summary>An account with these roles; a counselor gets a consumer center of their own (see <see cref="CreateCounselorAsync"/>).</summary>
    public static async Task<Account> CreateAsync(PortalFactory factory, params string[] roles) =>
        await CreateAsync(factory, roles, roles.Contains(Roles.Counselor) ? (await Counselors.TestCenters.CreateAsync(factory)).Id : null);

    /// <summary>A counselor of the consumer center <paramref name="centerId"/>.</summary>
    public static Task<Account> CreateCounselorAsync(PortalFactory factory, Guid centerId) => CreateAsync(factory, [Roles.Counselor], centerId);

    /// <summary>A counselor of the consumer center <paramref name="centerId"/>, signed in.</summary>
    public static async Task<(FormClient Client, Account Account)> SignedInCounselorAsync(PortalFactory factory, Guid centerId)
    {
        var account = await CreateCounselorAsync(factory, centerId);
        var client = factory.CreateFormClient();
        await client.SignInAsync(account.Email);
        return (client, account);
    }

    private static async Task<Account> CreateAsync(PortalFactory factory, string[] roles, Guid? centerId)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"{string.Join('-', roles).ToLowerInvariant()}-{suffix}@ccj.test";
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"{string.Join(' ', roles)} {suffix}",
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            ConsumerCenterId = centerId,
        };
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        return new Account(user.Id, email, user.DisplayName, roles, centerId);
    }

    /// <summary>Creates an account with these roles and returns a client signed in as it.</summary>
    public static async Task<(FormClient Client, Account Account)> SignedInAsync(PortalFactory factory, params string[] roles)
    {
        var account = await CreateAsync(factory, roles);
        var client = factory.CreateFormClient();
        await client.SignInAsync(account.Email);
        return (client, account);
    }

    /// <summary>Signs in through the sign-in page and asserts it worked.</summary>
    public static async Task SignInAsync(this FormClient client, string email, string password = Password)
    {
        var page = await client.GetOkAsync("/account/sign-in");
        using var response = await client.SubmitAsync(page, "form[action='/account/sign-in']", [new("Email", email), new("Password", password)]);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
