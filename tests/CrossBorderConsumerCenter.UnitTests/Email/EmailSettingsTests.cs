using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.UnitTests.Email;

/// <summary>The sender's settings (Email:Outbox) and the SMTP port, checked at start-up with messages naming the setting.</summary>
public class EmailSettingsTests
{
    [Fact]
    public void TheDefaultsAreValidAndMatchTheDocumentation()
    {
        var defaults = new EmailOutboxOptions();
        Assert.True(new EmailOutboxOptions.Validator().Validate(null, defaults).Succeeded);
        Assert.True(defaults.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.PollInterval);
        Assert.Equal((20, 4), (defaults.BatchSize, defaults.MaxParallelSends));
        Assert.Equal(new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(48)), defaults.RetrySchedule);
    }

    public static TheoryData<Action<EmailOutboxOptions>, string> InvalidSettings() => new()
    {
        { o => o.PollIntervalSeconds = 0, "Email:Outbox:PollIntervalSeconds" },
        { o => o.PollIntervalSeconds = 3601, "Email:Outbox:PollIntervalSeconds" },
        { o => o.BatchSize = 0, "Email:Outbox:BatchSize" },
        { o => o.BatchSize = 1001, "Email:Outbox:BatchSize" },
        { o => o.MaxParallelSends = 0, "Email:Outbox:MaxParallelSends" },
        { o => o.MaxParallelSends = 33, "Email:Outbox:MaxParallelSends" },
        { o => o.RetryPeriodHours = 0, "Email:Outbox:RetryPeriodHours" },
        { o => o.RetryPeriodHours = 721, "Email:Outbox:RetryPeriodHours" },
        { o => o.MinRetryDelaySeconds = 0, "Email:Outbox:MinRetryDelaySeconds" },
        { o => o.MaxRetryDelaySeconds = 59, "Email:Outbox:MaxRetryDelaySeconds" },
        { o => o.MaxRetryDelaySeconds = 86_401, "Email:Outbox:MaxRetryDelaySeconds" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void AnInvalidSettingIsNamed(Action<EmailOutboxOptions> change, string setting)
    {
        var options = new EmailOutboxOptions();
        change(options);
        var result = new EmailOutboxOptions.Validator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 4, 30, 210)]
    [InlineData(20, 3, 30, 270)]
    [InlineData(1, 1, 30, 90)]
    [InlineData(100, 32, 10, 100)]
    public void TheLeaseLastsUntilEveryMessageOfTheBatchCouldHaveTimedOutPlusAMinute(int batch, int parallel, int timeout, int leaseSeconds)
    {
        var options = new EmailOutboxOptions { BatchSize = batch, MaxParallelSends = parallel };
        Assert.Equal(TimeSpan.FromSeconds(leaseSeconds), options.LeaseFor(new SmtpOptions { TimeoutSeconds = timeout }));
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls, false)]
    [InlineData(SmtpSecurity.None, false)]
    [InlineData(SmtpSecurity.Implicit, true)]
    public void Port465IsImplicitTlsAndNeedsSecurityImplicit(SmtpSecurity security, bool valid)
    {
        var options = new SmtpOptions { Host = "smtp.example.jp", Port = 465, Security = security, FromAddress = "no-reply@ccj.example.jp" };
        var result = new SmtpOptions.Validator().Validate(null, options);
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Smtp:Port 465 is SMTP over implicit TLS: set Smtp:Security to Implicit", result.FailureMessage, StringComparison.Ordinal);
            options.Port = 587;
            Assert.True(new SmtpOptions.Validator().Validate(null, options).Succeeded);
        }
    }

    [Fact]
    public void TheFormerUseStartTlsSettingSaysWhatReplacesIt()
    {
        var options = new SmtpOptions { Host = "smtp.example.jp", UseStartTls = true, FromAddress = "no-reply@ccj.example.jp" };
        Assert.Contains("Smtp:UseStartTls is no longer read: set Smtp:Security", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrustedCertificateMustBeAReadablePemFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pem");
        var options = new SmtpOptions { Host = "smtp.example.jp", TrustedCertificatePath = missing, FromAddress = "no-reply@ccj.example.jp" };
        Assert.Contains("Smtp:TrustedCertificatePath names no file", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);

        File.WriteAllText(missing, "not a certificate");
        try
        {
            Assert.Contains("Smtp:TrustedCertificatePath is not a PEM certificate", new SmtpOptions.Validator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(missing);
        }
    }
}
