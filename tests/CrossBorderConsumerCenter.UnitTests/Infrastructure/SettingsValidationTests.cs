using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace CrossBorderConsumerCenter.UnitTests.Infrastructure;

/// <summary>Every invalid setting fails with a message that names the setting.</summary>
public class SettingsValidationTests
{
    private static PortalOptions ValidPortal() => new() { BaseUrl = "https://ccj.example.jp/", DefaultCulture = "ja" };

    private static SmtpOptions ValidSmtp() => new() { Host = "smtp.example.jp", Port = 587, FromAddress = "no-reply@ccj.example.jp" };

    [Fact]
    public void AcceptsValidPortalSettings() =>
        Assert.True(new PortalOptions.Validator().Validate(null, ValidPortal()).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("ccj.example.jp")]
    [InlineData("/relative")]
    [InlineData("ftp://ccj.example.jp/")]
    public void RefusesABaseUrlThatIsNotAnAbsoluteHttpUrl(string baseUrl)
    {
        var options = ValidPortal();
        options.BaseUrl = baseUrl;
        var result = new PortalOptions.Validator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("Portal:BaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ja-JP")]
    [InlineData("")]
    public void RefusesACultureThePortalDoesNotSpeak(string culture)
    {
        var options = ValidPortal();
        options.DefaultCulture = culture;
        var result = new PortalOptions.Validator().Validate(null, options);
        Assert.Contains("Portal:DefaultCulture", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=127.0.0.1")]
    [InlineData("NotAKeyword=1")]
    public void RefusesAMissingOrIncompleteConnectionString(string connectionString)
    {
        var result = new DatabaseOptions.Validator().Validate(null, new DatabaseOptions { ConnectionString = connectionString });
        Assert.True(result.Failed);
        Assert.Contains("ConnectionStrings:Default", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotRepeatTheDatabasePasswordInItsMessage()
    {
        var result = new DatabaseOptions.Validator().Validate(null, new DatabaseOptions { ConnectionString = "Host=db;Password=s3cret-value;Bogus=1" });
        Assert.True(result.Failed);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsAFullConnectionString() =>
        Assert.True(new DatabaseOptions.Validator().Validate(null, new DatabaseOptions { ConnectionString = "Host=127.0.0.1;Database=ccc;Username=ccc;Password=x" }).Succeeded);

    [Fact]
    public void AcceptsValidSmtpSettings() =>
        Assert.True(new SmtpOptions.Validator().Validate(null, ValidSmtp()).Succeeded);

    [Fact]
    public void RequiresAPickupFolderWhenNoSmtpHostIsSet()
    {
        var options = ValidSmtp();
        options.Host = "";
        var result = new SmtpOptions.Validator().Validate(null, options);
        Assert.Contains("Smtp:PickupDirectory", result.FailureMessage, StringComparison.Ordinal);
        options.PickupDirectory = "/tmp/mail";
        Assert.True(new SmtpOptions.Validator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void RefusesAPortOutOfRange(int port)
    {
        var options = ValidSmtp();
        options.Port = port;
        Assert.Contains("Smtp:Port", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    public void RefusesAFromAddressThatIsNotAnAddress(string from)
    {
        var options = ValidSmtp();
        options.FromAddress = from;
        Assert.Contains("Smtp:FromAddress", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAReplyToThatIsNotAnAddress()
    {
        var options = ValidSmtp();
        options.ReplyToAddress = "nope";
        Assert.Contains("Smtp:ReplyToAddress", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresUserNameAndPasswordTogether()
    {
        var options = ValidSmtp();
        options.UserName = "mailer";
        Assert.Contains("Smtp:UserName", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
        options.Password = "secret";
        Assert.True(new SmtpOptions.Validator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void RefusesATimeoutOutOfRange(int seconds)
    {
        var options = ValidSmtp();
        options.TimeoutSeconds = seconds;
        Assert.Contains("Smtp:TimeoutSeconds", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesProxiesThatAreNotAddressesOrRanges()
    {
        var result = new ReverseProxyOptions.Validator().Validate(null, new ReverseProxyOptions { KnownProxies = ["10.0.0.1", "proxy.local"], KnownNetworks = ["10.0.0.0/8", "10.0.0.0/99"] });
        Assert.Contains("ReverseProxy:KnownProxies:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ReverseProxy:KnownNetworks:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("KnownProxies:0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesARelativeKeysDirectory()
    {
        Assert.Contains("DataProtection:KeysDirectory", new DataProtectionSettings.Validator().Validate(null, new DataProtectionSettings { KeysDirectory = "keys" }).FailureMessage, StringComparison.Ordinal);
        Assert.True(new DataProtectionSettings.Validator().Validate(null, new DataProtectionSettings { KeysDirectory = "/var/lib/ccc/keys" }).Succeeded);
        Assert.True(new DataProtectionSettings.Validator().Validate(null, new DataProtectionSettings()).Succeeded);
    }

    private static CenterContactOptions.Validator CenterValidator(string environment = "Production") =>
        new(new HostingEnvironment { EnvironmentName = environment });

    private static CenterContactOptions ValidCenter() => new() { Email = "consult@ccj.example.jp" };

    [Fact]
    public void AcceptsTheCentersPublishedDetailsWithItsOwnEmailAddress() =>
        Assert.True(CenterValidator().Validate(null, ValidCenter()).Succeeded);

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void AcceptsTheDefaultsInDevelopmentAndTests(string environment) =>
        Assert.True(CenterValidator(environment).Validate(null, new CenterContactOptions()).Succeeded);

    [Theory]
    [InlineData("consult@ccj.localhost")]
    [InlineData("consult@ccj.test")]
    [InlineData("consult@example.com")]
    [InlineData("consult@ccj.example.org")]
    [InlineData("consult@center.example")]
    [InlineData("consult@center.invalid")]
    [InlineData("consult@CCJ.LOCALHOST")]
    public void RequiresADeploymentToSetTheCentersOwnEmailAddress(string email)
    {
        var options = ValidCenter();
        options.Email = email;
        var result = CenterValidator("Production").Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("Center:Email", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(CenterValidator("Development").Validate(null, options).Succeeded, "development may use a made-up address");
        Assert.True(CenterValidator("Staging").Validate(null, options).Failed, "every environment the public may see needs the real address");
    }

    [Theory]
    [InlineData("")]
    [InlineData("consult")]
    [InlineData("Center <consult@ccj.example.jp>")]
    [InlineData(" consult@ccj.example.jp")]
    [InlineData("consult@ccj.example.jp, other@ccj.example.jp")]
    public void RefusesAnEmailThatIsNotOneAddress(string email)
    {
        var options = ValidCenter();
        options.Email = email;
        Assert.Contains("Center:Email", CenterValidator("Development").Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fax", "")]
    [InlineData("Fax", "3-6230-0362")]
    [InlineData("Fax", "03 6230 0362")]
    [InlineData("Fax", "+81-3-6230-0362")]
    [InlineData("Phone", "03-6229-085")]
    [InlineData("Phone", "03--6229-0850")]
    [InlineData("Phone", "03-6229-0850-")]
    [InlineData("Phone", "0120-123-456-7890")]
    public void RefusesANumberThatIsNotAJapaneseNumberWithHyphens(string key, string number)
    {
        var options = ValidCenter();
        if (key == "Fax")
        {
            options.Fax = number;
        }
        else
        {
            options.Phone = number;
        }

        Assert.Contains($"Center:{key} must be", CenterValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesTheSameNumberForFaxAndPhone()
    {
        var options = ValidCenter();
        options.Phone = options.Fax;
        Assert.Contains("Center:Fax and Center:Phone must differ", CenterValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1066028")]
    [InlineData("106-602")]
    [InlineData("１０６-６０２８")]
    [InlineData("106_6028")]
    public void RefusesAPostalCodeThatIsNotSevenDigitsWithAHyphen(string postalCode)
    {
        var options = ValidCenter();
        options.PostalCode = postalCode;
        Assert.Contains("Center:PostalCode", CenterValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Operator", "Ja", "")]
    [InlineData("CommissionedBy", "En", " ")]
    [InlineData("Address", "Ja", "二行の\n住所")]
    [InlineData("Name", "En", "The {center.name}")]
    [InlineData("OfficeHours", "En", "x")]
    public void RequiresEachTextInBothLanguagesOnOneLineWithoutBraces(string key, string language, string value)
    {
        var options = ValidCenter();
        var setting = (CenterContactOptions.LocalizedSetting)typeof(CenterContactOptions).GetProperty(key)!.GetValue(options)!;
        var text = value == "x" ? new string('x', CenterContactOptions.Validator.MaxTextLength + 1) : value;
        if (language == "Ja")
        {
            setting.Ja = text;
        }
        else
        {
            setting.En = text;
        }

        Assert.Contains($"Center:{key}:", CenterValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsEveryInvalidCenterSettingAtOnce()
    {
        var options = new CenterContactOptions { Email = "nobody", Fax = "fax", Phone = "phone", PostalCode = "x" };
        options.Operator.En = "";
        var message = CenterValidator().Validate(null, options).FailureMessage;
        foreach (var key in new[] { "Center:Email", "Center:Fax", "Center:Phone", "Center:PostalCode", "Center:Operator" })
        {
            Assert.Contains(key, message, StringComparison.Ordinal);
        }
    }
}
