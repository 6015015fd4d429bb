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
    [InlineData(true)]
    [InlineData(false)]
    public void RefusesPort465WhichSystemNetMailCannotSpeak(bool startTls)
    {
        var options = new SmtpOptions { Host = "smtp.example.jp", Port = 465, UseStartTls = startTls, FromAddress = "no-reply@ccj.example.jp" };
        var result = new SmtpOptions.Validator().Validate(null, options);
        Assert.Contains("Smtp:Port 465", result.FailureMessage, StringComparison.Ordinal);
        options.Port = 587;
        Assert.True(new SmtpOptions.Validator().Validate(null, options).Succeeded);
    }
}
