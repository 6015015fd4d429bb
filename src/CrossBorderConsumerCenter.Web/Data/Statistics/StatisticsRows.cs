using CrossBorderConsumerCenter.Web.Domain.Statistics;

namespace CrossBorderConsumerCenter.Web.Data.Statistics;

/// <summary>A case written since the statistics last counted it (a trigger adds it; docs/adr/0084).</summary>
public sealed class StatisticsPendingCase
{
    private StatisticsPendingCase()
    {
    }

    public Guid CaseId { get; private set; }
}

/// <summary>What one case is counted under (<see cref="CaseEntries"/>), as last counted, by the day it was received in Japan.</summary>
public sealed class StatisticsCaseEntries
{
    private StatisticsCaseEntries()
    {
    }

    public Guid CaseId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string[] Entries { get; private set; } = [];
}

/// <summary>How many cases received in a month are counted under an entry (the sum of <see cref="StatisticsCaseEntries"/>).</summary>
public sealed class StatisticsMonthCount
{
    private StatisticsMonthCount()
    {
    }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public string Entry { get; private set; } = "";

    public int Cases { get; private set; }
}

/// <summary>The version of the counts: a new random value with every counting (one row; docs/adr/0102).</summary>
public sealed class StatisticsCountsVersion
{
    private StatisticsCountsVersion()
    {
    }

    /// <summary>Always 1.</summary>
    public int Id { get; private set; }

    public Guid Version { get; private set; }
}
