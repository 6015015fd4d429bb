namespace CrossBorderConsumerCenter.Web.Domain.Accounts;

/// <summary>
/// Who works in the portal. Staff triage and handle cases; Supervisors also oversee others' work;
/// Admins manage accounts, partner agencies and the email outbox; Counselors (local consumer
/// affairs counselors) file and follow cases for residents of their own center only.
/// </summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";
    public const string Counselor = "Counselor";

    public static readonly IReadOnlyList<string> All = [Staff, Supervisor, Admin, Counselor];

    /// <summary>Roles that work in the center's back office.</summary>
    public static readonly IReadOnlyList<string> BackOffice = [Staff, Supervisor, Admin];

    /// <summary>Roles whose holders sign in with a second factor whatever the settings say: they see every case and manage accounts.</summary>
    public static readonly IReadOnlyList<string> SecondFactorRequired = [Supervisor, Admin];

    public static bool IsKnown(string role) => All.Contains(role);

    /// <summary>
    /// Whether an account with these roles must sign in with a second factor: always for supervisors and admins, and for
    /// everyone (staff and counselors too) when the center's setting says so (Accounts:RequireTwoFactorForEveryone).
    /// </summary>
    public static bool NeedSecondFactor(IEnumerable<string> roles, bool requiredForEveryone) =>
        requiredForEveryone || roles.Any(SecondFactorRequired.Contains);

    /// <summary>
    /// A counselor works for a local center, not for ours: the role never combines with back-office roles,
    /// so a counselor account can never reach another center's cases through a staff page.
    /// </summary>
    public static bool IsValidCombination(IReadOnlyCollection<string> roles) =>
        roles.Count > 0 && roles.All(IsKnown) && !(roles.Contains(Counselor) && roles.Count > 1);
}
