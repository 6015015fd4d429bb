using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.UnitTests.Accounts;

public class AccountRulesTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    public static TheoryData<string[], bool> RoleCombinations() => new()
    {
        { [Roles.Staff], true },
        { [Roles.Supervisor], true },
        { [Roles.Admin], true },
        { [Roles.Counselor], true },
        { [Roles.Staff, Roles.Supervisor], true },
        { [Roles.Staff, Roles.Admin], true },
        { [Roles.Supervisor, Roles.Admin], true },
        { [Roles.Staff, Roles.Supervisor, Roles.Admin], true },
        { [Roles.Counselor, Roles.Staff], false },
        { [Roles.Counselor, Roles.Supervisor], false },
        { [Roles.Counselor, Roles.Admin], false },
        { [Roles.Counselor, Roles.Staff, Roles.Supervisor, Roles.Admin], false },
        { [], false },
        { ["Root"], false },
        { [Roles.Staff, "Root"], false },
    };

    [Theory]
    [MemberData(nameof(RoleCombinations))]
    public void ACounselorNeverHoldsABackOfficeRoleAndUnknownRolesAreRefused(string[] roles, bool valid) =>
        Assert.Equal(valid, Roles.IsValidCombination(roles));

    [Fact]
    public void RolesNeedAtLeastOne() =>
        Assert.Equal(AccountChangeRefusal.NoRole, AccountRules.CheckRoles(Me, Other, [Roles.Staff], [], false, 2));

    [Fact]
    public void RolesMustCombineValidly() =>
        Assert.Equal(AccountChangeRefusal.InvalidRoleCombination, AccountRules.CheckRoles(Me, Other, [Roles.Staff], [Roles.Staff, Roles.Counselor], false, 2));

    [Fact]
    public void AnAdminCannotRemoveTheirOwnAdminRoleEvenWithOtherAdmins() =>
        Assert.Equal(AccountChangeRefusal.CannotRemoveYourOwnAdminRole, AccountRules.CheckRoles(Me, Me, [Roles.Admin], [Roles.Staff], false, 5));

    [Fact]
    public void AnAdminMayChangeTheirOwnOtherRoles() =>
        Assert.Null(AccountRules.CheckRoles(Me, Me, [Roles.Admin], [Roles.Admin, Roles.Staff], false, 1));

    [Theory]
    [InlineData(1, false, AccountChangeRefusal.LastActiveAdmin)]
    [InlineData(2, false, null)]
    [InlineData(1, true, null)]
    public void TheLastActiveAdminKeepsTheRole(int activeAdmins, bool targetDisabled, AccountChangeRefusal? expected) =>
        Assert.Equal(expected, AccountRules.CheckRoles(Me, Other, [Roles.Admin], [Roles.Staff], targetDisabled, activeAdmins));

    [Fact]
    public void GivingOrKeepingRolesIsAllowed()
    {
        Assert.Null(AccountRules.CheckRoles(Me, Other, [Roles.Staff], [Roles.Staff, Roles.Supervisor], false, 1));
        Assert.Null(AccountRules.CheckRoles(Me, Other, [Roles.Staff], [Roles.Admin], false, 1));
        Assert.Null(AccountRules.CheckRoles(Me, Other, [Roles.Admin], [Roles.Admin], false, 1));
    }

    [Fact]
    public void NobodyDisablesThemselves() =>
        Assert.Equal(AccountChangeRefusal.CannotDisableYourself, AccountRules.CheckDisable(Me, Me, [Roles.Staff], 3));

    [Theory]
    [InlineData(1, AccountChangeRefusal.LastActiveAdmin)]
    [InlineData(2, null)]
    public void TheLastActiveAdminCannotBeDisabled(int activeAdmins, AccountChangeRefusal? expected) =>
        Assert.Equal(expected, AccountRules.CheckDisable(Me, Other, [Roles.Admin], activeAdmins));

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Counselor)]
    public void OthersCanBeDisabledWhateverTheAdminCount(string role) =>
        Assert.Null(AccountRules.CheckDisable(Me, Other, [role], 1));
}
