namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>How a published cell is shown.</summary>
public enum CellShown
{
    /// <summary>The number itself.</summary>
    Number,

    /// <summary>1 to 4 cases: shown as "&lt;5".</summary>
    Small,

    /// <summary>Hidden although not small, so that a small cell cannot be worked out from it and the totals.</summary>
    Hidden,
}

/// <summary>A published table after suppression: per cell, the number and how it may be shown.</summary>
public sealed record SuppressedTable(int[,] Values, CellShown[,] Shown)
{
    public int Rows => Values.GetLength(0);
    public int Columns => Values.GetLength(1);
}

/// <summary>
/// Small-cell suppression for the public figures. A table has rows (countries, categories...) and a total row last; its
/// columns are periods whose last column is the sum of the others (the fiscal year of its two halves). So every row adds
/// up across, and every column down to the total row. A count of 1 to 4 is shown as "&lt;5" (primary suppression; a zero is
/// shown, it tells nothing of anyone). Then, as long as some small cell could still be worked out from what is shown (a
/// row or column with only one hidden cell, or hidden cells whose sum leaves each only one value), the smallest shown
/// cell of that row or column is hidden too (secondary suppression, shown as "x"). Whether a cell can be worked out is
/// judged by narrowing each hidden cell's range with every row and column until nothing changes: a range of one value
/// means the cell is known.
/// </summary>
public static class SmallCellSuppression
{
    public const int Threshold = 5;

    public static SuppressedTable Apply(int[,] values)
    {
        var (rows, columns) = (values.GetLength(0), values.GetLength(1));
        var shown = new CellShown[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                shown[r, c] = values[r, c] is > 0 and < Threshold ? CellShown.Small : CellShown.Number;
            }
        }

        var lines = Lines(rows, columns);
        while (true)
        {
            var (low, high) = Ranges(values, shown, lines);
            var known = Cells(rows, columns)
                .Where(cell => shown[cell.R, cell.C] == CellShown.Small && low[cell.R, cell.C] == high[cell.R, cell.C])
                .Select(cell => ((int R, int C)?)cell)
                .FirstOrDefault();
            if (known is not { } exposed)
            {
                return new SuppressedTable(values, shown);
            }

            // Hide the smallest shown cell of a line through the exposed cell (its row first: rows are what people compare).
            var candidate = lines.Where(l => l.Parts.Append(l.Whole).Contains(exposed))
                .SelectMany(l => l.Parts.Append(l.Whole))
                .Where(cell => shown[cell.R, cell.C] == CellShown.Number)
                .OrderBy(cell => cell.R == exposed.R ? 0 : 1)
                .ThenBy(cell => values[cell.R, cell.C])
                .ThenBy(cell => cell.R).ThenBy(cell => cell.C)
                .Select(cell => ((int R, int C)?)cell)
                .FirstOrDefault();
            if (candidate is not { } hide)
            {
                // Every cell of its lines is hidden already and it is still exposed: hide the whole table.
                foreach (var cell in Cells(rows, columns).Where(cell => shown[cell.R, cell.C] == CellShown.Number))
                {
                    shown[cell.R, cell.C] = CellShown.Hidden;
                }

                return new SuppressedTable(values, shown);
            }

            shown[hide.R, hide.C] = CellShown.Hidden;
        }
    }

    /// <summary>A constraint of the table: the parts add up to the whole.</summary>
    public sealed record Line(IReadOnlyList<(int R, int C)> Parts, (int R, int C) Whole);

    /// <summary>Every row adds up across to its last column; every column adds up down to the total row (the last).</summary>
    public static IReadOnlyList<Line> Lines(int rows, int columns)
    {
        var lines = new List<Line>();
        for (var r = 0; r < rows; r++)
        {
            lines.Add(new Line([.. Enumerable.Range(0, columns - 1).Select(c => (r, c))], (r, columns - 1)));
        }

        for (var c = 0; c < columns; c++)
        {
            lines.Add(new Line([.. Enumerable.Range(0, rows - 1).Select(r => (r, c))], (rows - 1, c)));
        }

        return lines;
    }

    private static IEnumerable<(int R, int C)> Cells(int rows, int columns) =>
        Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, columns).Select(c => (r, c)));

    /// <summary>
    /// What a reader can tell of each cell: shown cells are known; a small one lies in 1..4, a hidden one in 0..the largest
    /// total; then each line narrows its cells (a part is the whole less the others, the whole the sum of the parts).
    /// </summary>
    public static (int[,] Low, int[,] High) Ranges(int[,] values, CellShown[,] shown, IReadOnlyList<Line> lines)
    {
        var (rows, columns) = (values.GetLength(0), values.GetLength(1));
        var ceiling = 0;
        foreach (var v in values)
        {
            ceiling = Math.Max(ceiling, v);
        }

        var low = new int[rows, columns];
        var high = new int[rows, columns];
        foreach (var (r, c) in Cells(rows, columns))
        {
            (low[r, c], high[r, c]) = shown[r, c] switch
            {
                CellShown.Number => (values[r, c], values[r, c]),
                CellShown.Small => (1, Threshold - 1),
                _ => (0, ceiling),
            };
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                var (wr, wc) = line.Whole;
                var partsLow = line.Parts.Sum(p => low[p.R, p.C]);
                var partsHigh = line.Parts.Sum(p => high[p.R, p.C]);
                changed |= Narrow(low, high, wr, wc, partsLow, partsHigh);
                foreach (var (r, c) in line.Parts)
                {
                    var othersLow = partsLow - low[r, c];
                    var othersHigh = partsHigh - high[r, c];
                    changed |= Narrow(low, high, r, c, low[wr, wc] - othersHigh, high[wr, wc] - othersLow);
                    partsLow = line.Parts.Sum(p => low[p.R, p.C]);
                    partsHigh = line.Parts.Sum(p => high[p.R, p.C]);
                }
            }
        }

        return (low, high);
    }

    private static bool Narrow(int[,] low, int[,] high, int r, int c, int newLow, int newHigh)
    {
        var changed = false;
        if (newLow > low[r, c])
        {
            low[r, c] = newLow;
            changed = true;
        }

        if (newHigh < high[r, c])
        {
            high[r, c] = newHigh;
            changed = true;
        }

        return changed;
    }
}
