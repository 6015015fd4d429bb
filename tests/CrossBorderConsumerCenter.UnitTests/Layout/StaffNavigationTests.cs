using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.Layout;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.UnitTests.Layout;

/// <summary>Which pages wear the staff layout, which links a role sees, and which link a path belongs to.</summary>
public class StaffNavigationTests
{
    [Fact]
    public void APageNeedingASignedInUserWearsTheStaffLayoutAndAnyOtherThePublicOne()
    {
        static ActionDescriptor With(params object[] metadata) => new() { EndpointMetadata = metadata };

        Assert.True(StaffNavigation.UsesStaffLayout(With(new AuthorizeAttribute(Policies.Staff))));
        Assert.True(StaffNavigation.UsesStaffLayout(With(new AuthorizeAttribute())));
        Assert.False(StaffNavigation.UsesStaffLayout(With(new AuthorizeAttribute(Policies.Staff), new AllowAnonymousAttribute())));
        Assert.False(StaffNavigation.UsesStaffLayout(With()));
        Assert.False(StaffNavigation.UsesStaffLayout(null));
    }

    [Theory]
    [InlineData(Roles.Staff, "/staff/cases /staff/cases/new /staff/mail /staff/consultations /staff/statistics /account")]
    [InlineData(Roles.Supervisor, "/staff/cases /staff/cases/new /staff/mail /staff/consultations /staff/supervisor /staff/supervisor/privacy /staff/statistics /account")]
    [InlineData(Roles.Admin, "/staff/cases /staff/cases/new /staff/mail /staff/consultations /staff/supervisor /staff/supervisor/privacy /staff/statistics /admin/users /admin/audit /admin/reply-templates /admin/email /admin/partners /admin/centers /admin/consultations /account")]
    [InlineData(Roles.Counselor, "/counselor /account")]
    public async Task EachRoleSeesTheLinksItsPoliciesAdmit(string role, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        var links = await StaffNavigation.VisibleToAsync(user, Authorization());
        Assert.Equal(expected, string.Join(' ', links.Select(l => l.Href)));
    }

    [Fact]
    public async Task AVisitorWhoIsNotSignedInSeesNoLinks() =>
        Assert.Empty(await StaffNavigation.VisibleToAsync(new ClaimsPrincipal(new ClaimsIdentity()), Authorization()));

    [Theory]
    [InlineData("/staff/cases", "/staff/cases")]
    [InlineData("/staff/cases/CCJ-2026-000123/forward", "/staff/cases")]
    [InlineData("/staff/cases/new/review", "/staff/cases/new")]
    [InlineData("/admin/users/7d1e0f5a-0000-0000-0000-000000000000", "/admin/users")]
    [InlineData("/account/password", "/account")]
    [InlineData("/staff/supervisor/privacy/deletions/7d1e0f5a-0000-0000-0000-000000000000", "/staff/supervisor/privacy")]
    [InlineData("/staff/supervisor/retention", "/staff/supervisor")]
    [InlineData("/staff/casesx", null)]
    [InlineData("/", null)]
    public void APathBelongsToTheLinkOfItsSection(string path, string? expected) =>
        Assert.Equal(expected, StaffNavigation.Current(StaffNavigation.Links, path)?.Href);

    private static IAuthorizationService Authorization() =>
        new ServiceCollection().AddLogging().AddAuthorization(Policies.Add).BuildServiceProvider().GetRequiredService<IAuthorizationService>();
}
