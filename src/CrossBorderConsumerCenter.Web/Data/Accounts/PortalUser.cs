using Microsoft.AspNetCore.Identity;

namespace CrossBorderConsumerCenter.Web.Data.Accounts;

/// <summary>
/// An account of the center's staff or of a local counselor (ASP.NET Core Identity). Consumers have no
/// account. A disabled account cannot sign in, and its sessions end within a minute.
/// </summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 100;

    public string DisplayName { get; set; } = "";

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For a counselor: the consumer center they work for (required for the Counselor role, absent otherwise).</summary>
    public Guid? ConsumerCenterId { get; set; }
}
