using System.Security.Cryptography;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;

namespace CrossBorderConsumerCenter.UnitTests.Accounts;

/// <summary>Who must sign in with a second factor, and the codes of an authenticator app (RFC 6238).</summary>
public class TwoFactorRulesTests
{
    public static TheoryData<string[], bool, bool> EveryRoleCombination()
    {
        var data = new TheoryData<string[], bool, bool>();
        for (var mask = 0; mask < 1 << Roles.All.Count; mask++)
        {
            var roles = Roles.All.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            foreach (var everyone in new[] { false, true })
            {
                data.Add(roles, everyone, everyone || roles.Contains(Roles.Supervisor) || roles.Contains(Roles.Admin));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleCombination))]
    public void SupervisorsAndAdminsAlwaysNeedASecondFactorAndEveryoneWhenTheSettingSaysSo(string[] roles, bool requiredForEveryone, bool expected) =>
        Assert.Equal(expected, Roles.NeedSecondFactor(roles, requiredForEveryone));

    // RFC 6238 appendix B, SHA-1: the 8-digit values' last 6 digits, with the RFC's 20-byte key "12345678901234567890".
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void CodesAreTheRfcTestVectors(long unixSeconds, string code)
    {
        var key = Base32("12345678901234567890"u8.ToArray());
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(code, AuthenticatorCode.At(key, at));
        Assert.Equal(unixSeconds / 30, AuthenticatorCode.MatchingStep(key, code, at));
    }

    [Fact]
    public void TheStepsNextToTheClockMatchAndNoOthers()
    {
        var key = Base32(RandomNumberGenerator.GetBytes(20));
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_015);
        var step = now.ToUnixTimeSeconds() / 30;
        for (var offset = -3; offset <= 3; offset++)
        {
            var code = AuthenticatorCode.At(key, now.AddSeconds(30 * offset));
            var matched = AuthenticatorCode.MatchingStep(key, code, now);
            if (Math.Abs(offset) <= 1)
            {
                Assert.Equal(step + offset, matched);
            }
            else if (matched is not null)
            {
                // Six digits: a code of a far step can equal a near step's by chance; it then matches as that near step.
                Assert.InRange(matched.Value, step - 1, step + 1);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")] // full width: made ASCII by Normalise before, never here
    [InlineData("١٢٣٤٥٦")] // Arabic-Indic digits are digits to .NET, not to an authenticator
    public void AnythingButSixAsciiDigitsIsNoCode(string code) =>
        Assert.Null(AuthenticatorCode.MatchingStep(Base32(new byte[20]), code, DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("１２３４５６", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData(" 123456\n", "123456")]
    public void TypedCodesAreNormalised(string typed, string code) => Assert.Equal(code, AuthenticatorCode.Normalise(typed));

    [Theory]
    [InlineData("abcde12345", "ABCDE-12345")]
    [InlineData("ABCDE-12345", "ABCDE-12345")]
    [InlineData("ａｂｃｄｅ－１２３４５", "ABCDE-12345")]
    [InlineData("abcde 12345", "ABCDE-12345")]
    [InlineData("abc", "ABC")]
    public void RecoveryCodesAreReadAsIdentityIssuesThem(string typed, string code) => Assert.Equal(code, AuthenticatorCode.NormaliseRecoveryCode(typed));

    [Fact]
    public void TheKeyIsShownInGroupsOfFourAndTheUriCarriesIssuerAndAccount()
    {
        Assert.Equal("abcd efgh ijkl mnop qr", AuthenticatorCode.ForReading("ABCDEFGHIJKLMNOPQR"));
        Assert.Equal(
            "otpauth://totp/%E8%B6%8A%E5%A2%83:a%2Bb%40ccj.test?secret=ABCD&issuer=%E8%B6%8A%E5%A2%83&digits=6",
            AuthenticatorCode.EnrolmentUri("越境", "a+b@ccj.test", "ABCD"));
        Assert.StartsWith("data:image/png;base64,iVBOR", AuthenticatorCode.QrCodeDataUri("otpauth://totp/x?secret=ABCD"), StringComparison.Ordinal);
    }

    private static string Base32(byte[] bytes) => OtpNet.Base32Encoding.ToString(bytes);
}
