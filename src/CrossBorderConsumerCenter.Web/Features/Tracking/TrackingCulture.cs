using CrossBorderConsumerCenter.Web.Data;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// Tracking pages speak the case's language: the language the consumer filed in (and the center writes to them
/// in), unless the visitor chose one with the language switch (the query string or the culture cookie, which come
/// first). Placed before the browser's Accept-Language. A request-culture provider, because the culture must be set
/// before MVC runs: a culture set inside an async action would not reach the view.
/// </summary>
public sealed class TrackingCulture : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var segments = httpContext.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments is not ["track", var token, ..] || !TrackingLinks.IsWellFormed(token))
        {
            return null;
        }

        var hash = TrackingLinks.Hash(token);
        var db = httpContext.RequestServices.GetRequiredService<AppDbContext>();
        var language = await db.CaseTrackingLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash)
            .Join(db.Cases, l => l.CaseId, c => c.Id, (_, c) => c.Language)
            .SingleOrDefaultAsync(httpContext.RequestAborted);
        return language is null ? null : new ProviderCultureResult(language);
    }
}
