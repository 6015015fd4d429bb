using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// The cases ticked on a queue page for a bulk action. Each checkbox carries the case number and the version of the
/// case the page showed (<c>CCJ-2026-000123:4711</c>), so a case changed since the page was shown is refused, as a
/// stale case page is.
/// </summary>
public static class BulkSelection
{
    /// <summary>Two pages of the queue: a bulk action is one person's decision about cases they have looked at.</summary>
    public const int MaxCases = 2 * ListCases.PageSize;

    public sealed record Item(string Number, uint Version);

    public static string Value(string number, uint version) => string.Create(CultureInfo.InvariantCulture, $"{number}:{version}");

    /// <summary>The values read in order, each case once (the first value wins); a value that is not a number and a version is left out.</summary>
    public static IReadOnlyList<Item> Parse(IEnumerable<string?>? values)
    {
        var items = new List<Item>();
        foreach (var value in values ?? [])
        {
            var separator = value?.LastIndexOf(':') ?? -1;
            if (separator < 0
                || !CaseNumber.TryParse(value![..separator], out var number)
                || !uint.TryParse(value[(separator + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                continue;
            }

            var canonical = number.ToString();
            if (items.All(i => i.Number != canonical))
            {
                items.Add(new Item(canonical, version));
            }
        }

        return items;
    }
}
