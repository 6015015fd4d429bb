using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.Users;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Accounts;

/// <summary>A counselor account belongs to a consumer center; no other account does.</summary>
public class AccountCenterRulesTests
{
    private static readonly StringLocalizer<UsersText> Text = new(Localizers);

    public static TheoryData<string[], bool, bool> Cases() => new()
    {
        { [Roles.Counselor], true, true },
        { [Roles.Counselor], false, false },
        { [Roles.Staff], false, true },
        { [Roles.Staff], true, false },
        { [Roles.Supervisor], true, false },
        { [Roles.Admin], false, true },
        { [Roles.Admin], true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheCenterIsRequiredForACounselorAndRefusedForEveryOtherRole(string[] roles, bool withCenter, bool valid)
    {
        var form = new CreateUser.Form { Email = "someone@ccj.test", DisplayName = "名前", Roles = [.. roles], ConsumerCenterId = withCenter ? Guid.NewGuid() : null };
        var errors = InLanguage("ja", () => new CreateUser.Validator(Text).Validate(form).Errors);
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal(nameof(CreateUser.Form.ConsumerCenterId), e.PropertyName));
    }
}
