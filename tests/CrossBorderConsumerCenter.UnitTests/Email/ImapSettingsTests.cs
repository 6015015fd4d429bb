using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.UnitTests.Email;

/// <summary>The mailbox's settings (Imap), checked at start-up with messages naming the setting.</summary>
public class ImapSettingsTests
{
    private static ImapOptions ValidImap() => new() { Enabled = true, Host = "imap.example.jp", UserName = "center", Password = "secret" };

    [Fact]
    public void TheDefaultsAreValidAndReadNothing()
    {
        var defaults = new ImapOptions();
        Assert.True(new ImapOptions.Validator().Validate(null, defaults).Succeeded);
        Assert.False(defaults.ReadsMailbox);
        Assert.False(defaults.ReadsPickupDirectory);
        Assert.Equal((993, ImapSecurity.SslOnConnect, "INBOX", "Processed"), (defaults.Port, defaults.Security, defaults.Folder, defaults.ProcessedFolder));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(9), 25 * 1024 * 1024), (defaults.PollInterval, defaults.IdleRestart, defaults.MaxMessageBytes));
        Assert.True(new ImapOptions.Validator().Validate(null, ValidImap()).Succeeded);
    }

    public static TheoryData<Action<ImapOptions>, string> InvalidSettings() => new()
    {
        { o => o.Host = "", "Imap:Host" },
        { o => o.Password = "", "Imap:Password" },
        { o => o.UserName = null, "Imap:UserName" },
        { o => o.Port = 0, "Imap:Port" },
        { o => o.Security = ImapSecurity.StartTls, "Imap:Security" }, // on port 993
        { o => o.Security = (ImapSecurity)7, "Imap:Security" },
        { o => o.Folder = " ", "Imap:Folder" },
        { o => o.ProcessedFolder = "", "Imap:ProcessedFolder" },
        { o => o.ProcessedFolder = "inbox", "Imap:ProcessedFolder" },
        { o => o.TrustedCertificatePath = "/nonexistent/imap.pem", "Imap:TrustedCertificatePath" },
        { o => o.PollIntervalSeconds = 0, "Imap:PollIntervalSeconds" },
        { o => o.IdleRestartMinutes = 30, "Imap:IdleRestartMinutes" },
        { o => o.MaxMessageBytes = 100, "Imap:MaxMessageBytes" },
        { o => o.TimeoutSeconds = 0, "Imap:TimeoutSeconds" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void AnInvalidSettingIsNamed(Action<ImapOptions> change, string setting)
    {
        var options = ValidImap();
        change(options);
        var result = new ImapOptions.Validator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void APickupFolderAloneReadsTheFolderAndNeedsNoServer()
    {
        var options = new ImapOptions { PickupDirectory = "/tmp/inbox" };
        Assert.True(new ImapOptions.Validator().Validate(null, options).Succeeded);
        Assert.True(options.ReadsPickupDirectory);
        options.Enabled = true;
        Assert.True(new ImapOptions.Validator().Validate(null, options).Succeeded);
        Assert.True(options.ReadsPickupDirectory);
    }
}
