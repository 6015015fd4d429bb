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

    /// <summary>
    /// The password was issued by the portal (a new account, a password reissued by an admin, the first admin created
    /// on the command line): until its owner chooses their own, only the password page and sign-out are reachable.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>For a counselor: the consumer center they work for (required for the Counselor role, absent otherwise).</summary>
    public Guid? ConsumerCenterId { get; set; }
}
