namespace CrossBorderConsumerCenter.Web.Data.Security;

/// <summary>One Data Protection key (XML), shared by every instance through PostgreSQL.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
