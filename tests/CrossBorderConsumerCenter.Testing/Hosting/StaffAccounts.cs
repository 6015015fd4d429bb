using System.Collections.Concurrent;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>Accounts for tests, created through the portal's own UserManager, and signing them in like a browser.</summary>
public static class StaffAccounts
{
    /// <summary>The password of every account created here (test databases only).</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>The authenticator key of every account set up with a second factor here, and the portal it lives in.</summary>
    private static readonly ConcurrentDictionary<string, (string Key, PortalFactory Factory)> Authenticators = new(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>
    /// An account with these roles that has not set up a second factor, even where its roles require one (it then reaches only
    /// the set-up page after signing in).
    /// </summary>
    public static Task<Account> CreateWithoutSecondFactorAsync(PortalFactory factory, params string[] roles) =>
        CreateAsync(factory, roles, null, setUpSecondFactor: false);

    /// <summary>
    /// Sets up an authenticator for the account, as the account's owner would on the set-up page, and returns its key. Accounts
    /// whose roles (or the settings) require a second factor get one when created; sign-ins here then enter the app's code.
    /// </summary>
    public static async Task<string> SetUpSecondFactorAsync(PortalFactory factory, Guid userId)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Authenticators[user.Email!] = (key, factory);
        return key;
    }

    /// <summary>
    /// The code the account's authenticator app shows now (the portal's clock). Forgets the last code used, so that a test may
    /// sign the same account in several times within one 30-second step (the portal refuses a step used before).
    /// </summary>
    public static async Task<string> CurrentCodeAsync(string email)
    {
        if (!Authenticators.TryGetValue(email, out var authenticator))
        {
            throw new InvalidOperationException($"{email} has no authenticator set up by the tests.");
        }

        using var scope = authenticator.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No such account.");
        Check(await users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokenProvider.LoginProvider, AuthenticatorTokenProvider.LastStepToken));
        return AuthenticatorCode.At(authenticator.Key, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    private static async Task<Account> CreateAsync(PortalFactory factory, string[] roles, Guid? centerId, bool setUpSecondFactor = true)
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

        var accounts = scope.ServiceProvider.GetRequiredService<IOptions<AccountSecurityOptions>>().Value;
        if (setUpSecondFactor && Roles.NeedSecondFactor(roles, accounts.RequireTwoFactorForEveryone))
        {
            await SetUpSecondFactorAsync(factory, user.Id);
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

    /// <summary>Signs in through the sign-in page (and the code page, for an account with a second factor) and asserts it worked.</summary>
    public static async Task SignInAsync(this FormClient client, string email, string password = Password)
    {
        var page = await client.GetOkAsync("/account/sign-in");
        using var response = await client.SubmitAsync(page, "form[action='/account/sign-in']", [new("Email", email), new("Password", password)]);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }

        if (response.Headers.Location?.OriginalString is { } location && location.StartsWith("/account/sign-in/code", StringComparison.Ordinal))
        {
            var codePage = await client.GetOkAsync(location);
            using var codeResponse = await client.SubmitAsync(codePage, "form[action='/account/sign-in/code']", [new("Code", await CurrentCodeAsync(email))]);
            if (codeResponse.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in as {email} failed at the code ({(int)codeResponse.StatusCode}).");
            }
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
