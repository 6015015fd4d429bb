using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>The queue's filters as conditions on cases.</summary>
public static class QueueFilters
{
    /// <summary>
    /// Every filter but the status and the needs-action view, so the counts per status answer "how many if I chose that
    /// status". A search looks through all cases; a case number finds that case whatever the filters.
    /// </summary>
    public static IQueryable<Case> Apply(IQueryable<Case> cases, QueueCriteria criteria, Guid currentUserId, DateTimeOffset now)
    {
        var term = criteria.Term;
        switch (term.Kind)
        {
            case CaseSearchKind.CaseNumber:
                return cases.Where(c => c.Number == term.CaseNumber);
            case CaseSearchKind.TooShort:
                // Nothing to find a million cases by; the page says so and lists none rather than all.
                return cases.Where(c => false);
        }

        if (criteria.OverdueOnly)
        {
            cases = cases.Where(c => EF.Constant(CaseQueueRules.OpenStatuses).Contains(c.Status) && c.DueAt < now);
        }

        if (criteria.Category is { } category)
        {
            cases = cases.Where(c => c.Category == category);
        }

        if (criteria.Country is { } country)
        {
            cases = cases.Where(c => c.BusinessCountryCode == country);
        }

        if (criteria.Agency is { } agency)
        {
            var countries = agency.CountryCodes.ToList();
            cases = cases.Where(c => countries.Contains(c.BusinessCountryCode));
        }

        if (criteria.Platform is { } platform)
        {
            cases = cases.Where(c => c.PurchasePlatform == platform);
        }

        if (criteria.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        cases = criteria.Assignee switch
        {
            null => cases,
            QueueCriteria.Me => cases.Where(c => c.AssignedToId == currentUserId),
            QueueCriteria.Unassigned => cases.Where(c => c.AssignedToId == null),
            var id => cases.Where(c => c.AssignedToId == Guid.Parse(id)),
        };

        if (criteria.From is { } from)
        {
            var start = StartOfJapanDay(from);
            cases = cases.Where(c => c.ReceivedAt >= start);
        }

        if (criteria.To is { } to)
        {
            var end = StartOfJapanDay(to.AddDays(1));
            cases = cases.Where(c => c.ReceivedAt < end);
        }

        return cases;
    }

    private static DateTimeOffset StartOfJapanDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LocalizationRegistration.JapanTime.BaseUtcOffset).ToUniversalTime();
}
