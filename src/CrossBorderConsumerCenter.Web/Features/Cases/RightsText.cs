using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>
/// Marker for Resources/Features/Cases/RightsText(.en).resx: the words of the time-limited rights (<see cref="TimeLimitedRights"/>)
/// as the consumer's receipt, the acknowledgement email, the tracking page and the staff case page show them
/// (<c>_RightsDeadlines.cshtml</c>). Keys: "Rights_{RightKind}_Title/_Body/_Source", "Rights_CountsFrom_{DeadlineStart}".
/// </summary>
public sealed class RightsText;

/// <summary>The deadlines to show and the day they are counted against (Japan's calendar); <paramref name="ForStaff"/> words the heading for staff.</summary>
public sealed record RightsDeadlinesView(IReadOnlyList<RightsDeadline> Deadlines, DateOnly Today, bool ForStaff = false);
