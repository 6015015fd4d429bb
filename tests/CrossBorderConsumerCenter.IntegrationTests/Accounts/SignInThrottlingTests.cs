using System.Net;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>
/// Sign-in is limited per client address (429) and, after repeated failures, held back per client and account, never
/// locking the account for its owner; every failure is the same page after one run of the password hasher.
/// </summary>
public class SignInThrottlingTests(SignInThrottlingTests.Fixture portal) : IClassFixture<SignInThrottlingTests.Fixture>
{
    public sealed class Fixture : PortalFixture
    {
        public FakeTimeProvider Clock { get; } = new(TestTime.Today);

        protected override PortalFactory CreateFactory(string connectionString) =>
            new PortalFactory(connectionString, new Dictionary<string, string?> { ["Accounts:SignInAttemptsPerMinute"] = "20" })
                .WithServices(s => s
                    .AddSingleton<TimeProvider>(Clock)
                    .AddScoped<IPasswordHasher<PortalUser>, CountingHasher>());
    }

    public sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<PortalUser>
    {
        private static int runs;
        private readonly PasswordHasher<PortalUser> _inner = new(options);

        public static int Runs => Volatile.Read(ref runs);

        public string HashPassword(PortalUser user, string password)
        {
            Interlocked.Increment(ref runs);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref runs);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task SixtyRapidAttemptsFromOneAddressMeet429WithTheWaitUntilTheMinuteEnds()
    {
        using var client = ClientAt("10.0.0.1");
        var page = await client.GetOkAsync("/account/sign-in");
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        string? refusal = null;
        for (var i = 0; i < 60; i++)
        {
            using var response = await client.SubmitAsync(page, "main form", [new("Email", $"guess{i}@ccj.test"), new("Password", "guessed password")]);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfter ??= response.Headers.RetryAfter?.Delta;
                refusal ??= await response.Content.ReadAsStringAsync();
            }
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);
        Assert.Contains("<h1>", refusal, StringComparison.Ordinal);

        // Another address is not affected, and the next minute lets this one in again.
        using var other = ClientAt("10.0.0.2");
        using (var response = await other.SubmitAsync(await other.GetOkAsync("/account/sign-in"), "main form", [new("Email", "x@ccj.test"), new("Password", "guessed password")]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        using var later = await client.SubmitAsync(page, "main form", [new("Email", "x@ccj.test"), new("Password", "guessed password")]);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task HeldBackUnknownWrongAndDisabledAreTheSamePageAfterOneRunOfTheHasher()
    {
        var owner = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var leaver = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        await portal.Database.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE id = @id RETURNING 1", ("id", leaver.Id));
        using var stranger = ClientAt("10.0.1.1");
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(stranger, owner.Email, "not the password " + i);
        }

        var heldBack = await AttemptAsync(stranger, owner.Email, StaffAccounts.Password);
        var unknown = await AttemptAsync(ClientAt("10.0.1.2"), "nobody-at-all@ccj.test", StaffAccounts.Password);
        var wrong = await AttemptAsync(ClientAt("10.0.1.3"), owner.Email, "not the password");
        var disabled = await AttemptAsync(ClientAt("10.0.1.4"), leaver.Email, StaffAccounts.Password);

        Assert.All([heldBack, unknown, wrong, disabled], answer => Assert.Equal(1, answer.HasherRuns));
        Assert.All([heldBack, unknown, wrong, disabled], answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Contains("メールアドレスまたはパスワードが正しくない", heldBack.Main, StringComparison.Ordinal);
        Assert.Equal(heldBack.Main, unknown.Main);
        Assert.Equal(heldBack.Main, wrong.Main);
        Assert.Equal(heldBack.Main, disabled.Main);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE lockout_end IS NOT NULL OR access_failed_count > 0"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'SignInThrottled' AND subject_id = @s", ("s", owner.Id.ToString())));
    }

    [Fact]
    public async Task TheOwnerSignsInFromAnotherClientWhileAStrangerIsHeldBackUntilTheWindowEnds()
    {
        var owner = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var stranger = ClientAt("10.0.2.1");
        for (var i = 0; i < 8; i++)
        {
            await AttemptAsync(stranger, owner.Email, "not the password " + i);
        }

        using var ownersLaptop = ClientAt("10.0.2.2");
        await ownersLaptop.SignInAsync(owner.Email);
        Assert.Equal(HttpStatusCode.OK, (await ownersLaptop.GetAsync("/staff/cases")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(stranger, owner.Email, StaffAccounts.Password)).Status);
        portal.Clock.Advance(TimeSpan.FromMinutes(15));
        await stranger.SignInAsync(owner.Email);
    }

    private FormClient ClientAt(string address)
    {
        var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Main, int HasherRuns)> AttemptAsync(FormClient client, string email, string password)
    {
        var page = await client.GetOkAsync("/account/sign-in");
        var before = CountingHasher.Runs;
        using var response = await client.SubmitAsync(page, "main form", [new("Email", email), new("Password", password)]);
        var runs = CountingHasher.Runs - before;
        var answer = await HtmlPage.ReadAsync(response);
        return (answer.StatusCode, answer.StatusCode == HttpStatusCode.OK ? answer.Find("main")!.TextContent : "", runs);
    }
}
