using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace CrossBorderConsumerCenter.Web.Features.Layout;

/// <summary>
/// One destination of the back office's navigation: where it goes, its text (a key of <see cref="TextSource"/>,
/// the shared texts unless a feature names its own marker) and the policy that admits a user (null: any signed-in account).
/// </summary>
public sealed record StaffLink(string Href, string TextKey, string? Policy, Type? TextSource = null)
{
    public Type Texts => TextSource ?? typeof(SharedResource);
}

/// <summary>
/// The back office's navigation and the rule that decides which pages wear the staff layout (ADR 0027).
/// A new back-office page adds one line to <see cref="Links"/>; its controller's [Authorize] gives it the layout.
/// </summary>
public static class StaffNavigation
{
    /// <summary>In the order shown. A user sees the links whose policy admits them.</summary>
    public static readonly IReadOnlyList<StaffLink> Links =
    [
        new("/staff/cases", "Queue_StaffNav", Policies.Staff),
        new("/staff/cases/new", "StaffNav", Policies.Staff, typeof(PaperCases.PaperCaseText)),
        new("/staff/mail", "InboundMail_StaffNav", Policies.Staff),
        new("/staff/consultations", "StaffNav", Policies.Staff, typeof(ConsultationDesk.ConsultationDeskText)),
        new("/staff/supervisor", "Supervisor_Title", Policies.Supervisor, typeof(Supervisor.SupervisorText)),
        new("/staff/supervisor/privacy", "Requests_Nav", Policies.Supervisor, typeof(Retention.RetentionText)),
        new("/staff/statistics", "Staff_Nav", Policies.Staff, typeof(Statistics.StatisticsText)),
        new("/admin/users", "StaffNav_Users", Policies.Admin),
        new("/admin/audit", "StaffNav_Audit", Policies.Admin),
        new("/admin/reply-templates", "Templates_Title", Policies.Admin, typeof(ReplyTemplates.ReplyTemplatesText)),
        new("/admin/email", "EmailDelivery_StaffNav", Policies.Admin),
        new("/admin/partners", "Forwarding_StaffNav_Partners", Policies.Admin),
        new("/admin/centers", "Centers_StaffNav", Policies.Admin),
        new("/admin/consultations", "StaffNav", Policies.Admin, typeof(ConsultationSettings.ConsultationSettingsText)),
        new("/counselor", "Counselors_StaffNav", Policies.Counselor),
        new("/account", "StaffNav_Account", null),
    ];

    /// <summary>
    /// A page wears the staff layout when its action needs a signed-in user ([Authorize] on the controller or the
    /// action, with or without a policy) and nothing lets anonymous visitors in: the back office, the counselors'
    /// pages and one's own account pages; never a public page, the sign-in page or an error page.
    /// </summary>
    public static bool UsesStaffLayout(ActionDescriptor? action)
    {
        var metadata = action?.EndpointMetadata;
        return metadata is not null && metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }

    /// <summary>The links the user may open, each checked against its policy as the endpoint itself would be.</summary>
    public static async Task<IReadOnlyList<StaffLink>> VisibleToAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var visible = new List<StaffLink>();
        foreach (var link in Links)
        {
            if (link.Policy is null || (await authorization.AuthorizeAsync(user, link.Policy)).Succeeded)
            {
                visible.Add(link);
            }
        }

        return visible;
    }

    /// <summary>The link whose section holds <paramref name="path"/> (the longest matching prefix), if any.</summary>
    public static StaffLink? Current(IEnumerable<StaffLink> links, string path) =>
        links.Where(l => path.Equals(l.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(l.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(l => l.Href.Length);
}
