namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>The last case number given out in a year (see <see cref="CaseNumber"/>); one row per year.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter()
    {
    }

    public int Year { get; private set; }
    public int LastSequence { get; private set; }
}
