using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Auditing;

/// <summary>
/// Appends to the audit trail through the caller's DbContext, so an entry is committed together with
/// the change it records (or not at all). The actor and address come from the current request.
/// </summary>
public sealed class AuditTrail(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditEntry Record(AuditAction action, string subjectType, string? subjectId, Guid? caseId = null, object? details = null, string? actorNameOverride = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        Guid? actorId = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        var actorName = actorNameOverride ?? (actorId is null ? null : user?.FindFirstValue(PortalClaims.DisplayName) ?? user?.Identity?.Name);
        var entry = new AuditEntry(
            clock.GetUtcNow(),
            action,
            actorId,
            Truncate(actorName, AuditEntry.MaxSubjectLength),
            subjectType,
            Truncate(subjectId, AuditEntry.MaxSubjectLength),
            caseId,
            details is null ? null : Truncate(JsonSerializer.Serialize(details, Json), AuditEntry.MaxDetailsLength),
            context?.Connection.RemoteIpAddress?.ToString());
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>The values that differ between two snapshots, as { field: { before, after } }.</summary>
    public static Dictionary<string, object?> Changes(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after) =>
        after.Where(kv => !Equals(before.GetValueOrDefault(kv.Key), kv.Value))
            .ToDictionary(kv => kv.Key, kv => (object?)new { before = before.GetValueOrDefault(kv.Key), after = kv.Value });

    private static string? Truncate(string? value, int length) => TextInput.ClipOrNull(value, length);
}

/// <summary>Claims the portal adds to a signed-in user.</summary>
public static class PortalClaims
{
    public const string DisplayName = "ccc:display_name";

    /// <summary>Present while the account's password is a temporary one issued by the portal.</summary>
    public const string TemporaryPassword = "ccc:temporary_password";

    /// <summary>Present while an account that must sign in with a second factor has not set one up (TwoFactorSetUpFilter).</summary>
    public const string SecondFactorSetUpRequired = "ccc:second_factor_set_up_required";
}
