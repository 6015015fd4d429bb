namespace CrossBorderConsumerCenter.Web.Domain.Accounts;

/// <summary>Why an account change is refused.</summary>
public enum AccountChangeRefusal
{
    NoRole,
    InvalidRoleCombination,
    CannotDisableYourself,
    CannotRemoveYourOwnAdminRole,
    LastActiveAdmin,
}

/// <summary>
/// Admins manage accounts, but the center must never lock itself out: at least one active Admin always
/// remains, and an admin cannot disable or demote themselves (another admin must).
/// </summary>
public static class AccountRules
{
    public static AccountChangeRefusal? CheckRoles(Guid actorId, Guid targetId, IReadOnlyCollection<string> currentRoles, IReadOnlyCollection<string> newRoles, bool targetIsDisabled, int activeAdminCount)
    {
        if (newRoles.Count == 0)
        {
            return AccountChangeRefusal.NoRole;
        }

        if (!Roles.IsValidCombination(newRoles))
        {
            return AccountChangeRefusal.InvalidRoleCombination;
        }

        var losesAdmin = currentRoles.Contains(Roles.Admin) && !newRoles.Contains(Roles.Admin);
        if (losesAdmin && actorId == targetId)
        {
            return AccountChangeRefusal.CannotRemoveYourOwnAdminRole;
        }

        return losesAdmin && !targetIsDisabled && activeAdminCount <= 1 ? AccountChangeRefusal.LastActiveAdmin : null;
    }

    public static AccountChangeRefusal? CheckDisable(Guid actorId, Guid targetId, IReadOnlyCollection<string> targetRoles, int activeAdminCount)
    {
        if (actorId == targetId)
        {
            return AccountChangeRefusal.CannotDisableYourself;
        }

        return targetRoles.Contains(Roles.Admin) && activeAdminCount <= 1 ? AccountChangeRefusal.LastActiveAdmin : null;
    }
}
