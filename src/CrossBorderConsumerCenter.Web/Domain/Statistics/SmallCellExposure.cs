namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>
/// What a reader can work out of a published table, found without trying every value of the hidden cells. The unknowns
/// are the half-year cells of the body (x, y); each body row and the total row constrain x, y and x + y (the year) to an
/// interval: a shown number to itself, "&lt;5" to 1..4, a hidden cell to 0 and up. A set of integer points bounded that
/// way on x, y and x + y is a g-polymatroid: its bounds can be tightened to values each point set reaches, the sum of
/// such sets (the body rows added up) is the set bounded by the sums of their tight bounds, and it is empty only if a
/// tight lower bound passes its upper bound. So "could this cell be v?" is: fix the cell to v, tighten each row, add them
/// up, meet the total row, and see whether anything is left; a small cell is safe when at least two of 1..4 are possible.
/// <see cref="SmallCellSuppression"/> hides cells until this finds no small count worked out; a test compares it with
/// trying every value of the hidden cells on small tables, and attacks thousands of random tables with it.
/// </summary>
public static class SmallCellExposure
{
    public const long Unbounded = long.MaxValue / 8;

    /// <summary>Bounds on x, y and x + y.</summary>
    private record struct Box(long XLow, long XHigh, long YLow, long YHigh, long SumLow, long SumHigh)
    {
        public readonly bool IsEmpty => XLow > XHigh || YLow > YHigh || SumLow > SumHigh;

        /// <summary>Each bound as far as the others let it go, until nothing changes (then each is reached by some point).</summary>
        public readonly Box Tight()
        {
            var b = this;
            for (var changed = true; changed && !b.IsEmpty;)
            {
                var next = new Box(
                    Math.Max(b.XLow, b.SumLow - b.YHigh), Math.Min(b.XHigh, b.SumHigh - b.YLow),
                    Math.Max(b.YLow, b.SumLow - b.XHigh), Math.Min(b.YHigh, b.SumHigh - b.XLow),
                    Math.Max(b.SumLow, b.XLow + b.YLow), Math.Min(b.SumHigh, Math.Min(Unbounded, b.XHigh + b.YHigh)));
                changed = next != b;
                b = next;
            }

            return b;
        }

        public static Box operator +(Box a, Box b) => new(
            a.XLow + b.XLow, Math.Min(Unbounded, a.XHigh + b.XHigh), a.YLow + b.YLow, Math.Min(Unbounded, a.YHigh + b.YHigh),
            a.SumLow + b.SumLow, Math.Min(Unbounded, a.SumHigh + b.SumHigh));

        public readonly Box Meet(Box b) => new(
            Math.Max(XLow, b.XLow), Math.Min(XHigh, b.XHigh), Math.Max(YLow, b.YLow), Math.Min(YHigh, b.YHigh),
            Math.Max(SumLow, b.SumLow), Math.Min(SumHigh, b.SumHigh));
    }

    /// <summary>
    /// The values each small count (1 to 4) could have, given everything the table shows: of a "&lt;5", which of 1 to 4;
    /// of a hidden one, which of 0 to 4, and <see cref="SmallCellSuppression.Threshold"/> standing for "5 or more".
    /// </summary>
    /// <param name="t">The published table.</param>
    /// <param name="ceiling">The most a hidden half-year cell of the body could be (by default, any number).</param>
    public static Dictionary<(int R, int C), List<int>> PossibleValuesOfSmallCells(SuppressedTable t, long ceiling = Unbounded)
    {
        if (t.Columns != 3)
        {
            throw new ArgumentException("A table of two halves and their year.", nameof(t));
        }

        var possible = new Dictionary<(int R, int C), List<int>>();
        for (var r = 0; r < t.Rows; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                var threshold = SmallCellSuppression.Threshold;
                if (t.Shown[r, c] == CellShown.Small)
                {
                    possible[(r, c)] = [.. Enumerable.Range(1, threshold - 1).Where(v => IsPossible(t, (r, c), v, v, ceiling))];
                }
                else if (t.Shown[r, c] == CellShown.Hidden && t.Values[r, c] is > 0 and < SmallCellSuppression.Threshold)
                {
                    possible[(r, c)] = [.. Enumerable.Range(0, threshold).Where(v => IsPossible(t, (r, c), v, v, ceiling)), .. IsPossible(t, (r, c), threshold, ceiling, ceiling) ? [threshold] : Array.Empty<int>()];
                }
            }
        }

        return possible;
    }

    /// <summary>Whether the small count in <paramref name="cell"/> ("&lt;5" or hidden) has only one value a table agreeing with what is shown allows.</summary>
    public static bool CanBeWorkedOut(SuppressedTable t, (int R, int C) cell)
    {
        var threshold = SmallCellSuppression.Threshold;
        var first = t.Shown[cell.R, cell.C] == CellShown.Small ? 1 : 0;
        var possible = 0;
        for (var v = first; v < threshold && possible < 2; v++)
        {
            possible += IsPossible(t, cell, v, v) ? 1 : 0;
        }

        if (possible < 2 && t.Shown[cell.R, cell.C] == CellShown.Hidden)
        {
            possible += IsPossible(t, cell, threshold, Unbounded) ? 1 : 0;
        }

        return possible < 2;
    }

    /// <summary>Whether some table agreeing with everything shown has a value from <paramref name="low"/> to <paramref name="high"/> in <paramref name="cell"/>.</summary>
    public static bool IsPossible(SuppressedTable t, (int R, int C) cell, long low, long high, long ceiling = Unbounded)
    {
        (long Low, long High) Interval(int r, int c) =>
            (r, c) == cell ? (low, high)
            : t.Shown[r, c] switch
            {
                CellShown.Number => (t.Values[r, c], t.Values[r, c]),
                CellShown.Small => (1, SmallCellSuppression.Threshold - 1),
                _ => (0, r < t.Rows - 1 && c < 2 ? ceiling : Unbounded),
            };

        Box Row(int r)
        {
            var (x, y, sum) = (Interval(r, 0), Interval(r, 1), Interval(r, 2));
            return new Box(x.Low, x.High, y.Low, y.High, sum.Low, sum.High);
        }

        var body = new Box(0, 0, 0, 0, 0, 0);
        for (var r = 0; r < t.Rows - 1; r++)
        {
            var row = Row(r).Tight();
            if (row.IsEmpty)
            {
                return false;
            }

            body += row;
        }

        return !body.Tight().Meet(Row(t.Rows - 1)).Tight().IsEmpty;
    }
}
