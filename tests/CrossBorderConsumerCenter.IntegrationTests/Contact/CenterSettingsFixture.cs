namespace CrossBorderConsumerCenter.IntegrationTests.Contact;

/// <summary>
/// The portal with the center's details set to values found nowhere in the code or the texts, so that a page showing
/// them shows the settings. <see cref="ReadsMail"/> gives the portal a mailbox to read (a pickup folder).
/// </summary>
public class CenterSettingsFixture : PortalFixture
{
    public const string Email = "desk@center-settings.test";
    public const string Fax = "03-1111-2222";
    public const string Phone = "03-3333-4444";
    public const string PhoneUri = "tel:+81-3-3333-4444";
    public const string PostalCode = "100-0001";

    private string? _inbox;

    protected virtual bool ReadsMail => false;

    public static readonly Dictionary<string, (string Ja, string En)> Texts = new()
    {
        ["Name"] = ("設定越境センター", "Settings Cross-Border Center"),
        ["Operator"] = ("設定運営株式会社", "Settings Operations Ltd."),
        ["CommissionedBy"] = ("設定庁", "the Settings Agency"),
        ["Address"] = ("東京都千代田区設定町1-1", "1-1 Settei-cho, Chiyoda-ku, Tokyo"),
        ["OfficeHours"] = ("平日 10:00〜16:00(設定)", "Weekdays 10:00 to 16:00 (settings)"),
    };

    public static string Text(string key, string language) => language == "en" ? Texts[key].En : Texts[key].Ja;

    protected override PortalFactory CreateFactory(string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Center:Email"] = Email,
            ["Center:Fax"] = Fax,
            ["Center:Phone"] = Phone,
            ["Center:PostalCode"] = PostalCode,
        };
        foreach (var (key, (ja, en)) in Texts)
        {
            settings[$"Center:{key}:Ja"] = ja;
            settings[$"Center:{key}:En"] = en;
        }

        if (ReadsMail)
        {
            _inbox = Directory.CreateTempSubdirectory("ccc-inbox-").FullName;
            settings["Imap:PickupDirectory"] = _inbox;
        }

        return new PortalFactory(connectionString, settings);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_inbox is not null && Directory.Exists(_inbox))
        {
            Directory.Delete(_inbox, recursive: true);
        }
    }
}

/// <summary>As <see cref="CenterSettingsFixture"/>, with the center's mailbox read by the portal.</summary>
public sealed class CenterSettingsReadingMailFixture : CenterSettingsFixture
{
    protected override bool ReadsMail => true;
}
