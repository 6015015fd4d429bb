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
/// shown, it tells nothing of anyone). Then, as long as some small count could still be worked out from what is shown (a
/// row or column with only one hidden cell, or hidden cells whose sum leaves each only one value), the smallest shown
/// cell of that row or column is hidden too (secondary suppression, shown as "x"); when its lines show no number, every
/// number is hidden, and when none is shown at all, a "&lt;5" of its lines. Whether a small count can be worked out is
/// decided exactly by <see cref="SmallCellExposure"/>: whether fewer than two of its values agree with what is shown.
/// </summary>
public static class SmallCellSuppression
{
    public const int Threshold = 5;

    public static SuppressedTable Apply(int[,] values)
    {
        var (rows, columns) = (values.GetLength(0), values.GetLength(1));
        if (columns != 3)
        {
            throw new ArgumentException("A table of two halves and their year.", nameof(values));
        }

        var shown = new CellShown[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                shown[r, c] = IsSmall(values[r, c]) ? CellShown.Small : CellShown.Number;
            }
        }

        var lines = Lines(rows, columns);
        var table = new SuppressedTable(values, shown);
        while (true)
        {
            var known = Cells(rows, columns)
                .Where(cell => IsSmall(values[cell.R, cell.C]) && shown[cell.R, cell.C] != CellShown.Number && SmallCellExposure.CanBeWorkedOut(table, cell))
                .Select(cell => ((int R, int C)?)cell)
                .FirstOrDefault();
            if (known is not { } exposed)
            {
                return table;
            }

            // Hide the smallest shown number of a line through the exposed cell (its row first: rows are what people compare).
            var through = lines.Where(l => l.Parts.Append(l.Whole).Contains(exposed)).SelectMany(l => l.Parts.Append(l.Whole)).Distinct().ToList();
            var candidate = through
                .Where(cell => shown[cell.R, cell.C] == CellShown.Number)
                .OrderBy(cell => cell.R == exposed.R ? 0 : 1)
                .ThenBy(cell => values[cell.R, cell.C])
                .ThenBy(cell => cell.R).ThenBy(cell => cell.C)
                .Select(cell => ((int R, int C)?)cell)
                .FirstOrDefault();
            if (candidate is { } hide)
            {
                shown[hide.R, hide.C] = CellShown.Hidden;
                continue;
            }

            // Its lines show no number and it is still exposed: the numbers elsewhere give it away. Hide them all.
            var numbers = Cells(rows, columns).Where(cell => shown[cell.R, cell.C] == CellShown.Number).ToList();
            if (numbers.Count > 0)
            {
                numbers.ForEach(cell => shown[cell.R, cell.C] = CellShown.Hidden);
                continue;
            }

            // No number is shown, and the "<5"s alone give it away (a column of them down to a total under 5, each then
            // only 1): hide another "<5" of its lines (a hidden cell may be 0, which a "<5" may not), or it as a last resort.
            var small = through
                .Where(cell => shown[cell.R, cell.C] == CellShown.Small)
                .OrderBy(cell => cell == exposed ? 1 : 0)
                .ThenBy(cell => cell.R).ThenBy(cell => cell.C)
                .Select(cell => ((int R, int C)?)cell)
                .FirstOrDefault();
            if (small is not { } hideSmall)
            {
                foreach (var cell in Cells(rows, columns))
                {
                    shown[cell.R, cell.C] = CellShown.Hidden;
                }

                return table;
            }

            shown[hideSmall.R, hideSmall.C] = CellShown.Hidden;
        }
    }

    private static bool IsSmall(int value) => value is > 0 and < Threshold;

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
}
