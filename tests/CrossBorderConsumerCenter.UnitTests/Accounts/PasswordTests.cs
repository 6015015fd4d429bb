using CrossBorderConsumerCenter.Web;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.UnitTests.Accounts;

public class PasswordTests
{
    private sealed class Texts : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly CommonPasswordValidator Validator = new(new Texts());

    [Fact]
    public void GeneratedPasswordsAreLongReadableAndDifferent()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.Generate()).ToList();
        Assert.All(passwords, p => Assert.Matches("^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$", p));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("password1234")]
    [InlineData("PASSWORD 1234")]
    [InlineData("qwerty123456")]
    [InlineData("my name is hanako sato")]
    [InlineData("hanako.sato is my login")]
    public async Task RefusesPasswordsThatAreEasyToGuess(string password)
    {
        var user = new PortalUser { Email = "hanako.sato@ccj.test", DisplayName = "Hanako Sato" };
        var result = await Validator.ValidateAsync(null!, user, password);
        Assert.Equal("PasswordTooEasyToGuess", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("海外通販のトラブル相談窓口です")]
    [InlineData("k7pmq-2xd9f-hwt3n-a8bcd")]
    public async Task AcceptsLongUnguessablePasswordsWithoutCompositionRules(string password)
    {
        var user = new PortalUser { Email = "hanako.sato@ccj.test", DisplayName = "Hanako Sato" };
        Assert.Equal(IdentityResult.Success, await Validator.ValidateAsync(null!, user, password));
    }
}
