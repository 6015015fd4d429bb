using CrossBorderConsumerCenter.Web.Domain.Statistics;

namespace CrossBorderConsumerCenter.UnitTests.Statistics;

/// <summary>
/// The public figures' suppression: every count of 1 to 4 is shown as "&lt;5", and nothing published (the other cells, the
/// half-years adding up to the year, the totals) lets anyone work one out. The check does not trust the suppression's own
/// reasoning: it tries every value the hidden cells could take and keeps those that agree with everything shown.
/// </summary>
public class SmallCellSuppressionTests
{
    /// <summary>Rows of (first half, second half); the year column and the total row are added.</summary>
    private static int[,] Table(params (int First, int Second)[] rows)
    {
        var values = new int[rows.Length + 1, 3];
        for (var r = 0; r < rows.Length; r++)
        {
            (values[r, 0], values[r, 1], values[r, 2]) = (rows[r].First, rows[r].Second, rows[r].First + rows[r].Second);
            for (var c = 0; c < 3; c++)
            {
                values[rows.Length, c] += values[r, c];
            }
        }

        return values;
    }

    [Fact]
    public void ShowsCountsOfOneToFourAsSmallAndOthersAsTheyAre()
    {
        var table = SmallCellSuppression.Apply(Table((20, 25), (0, 30), (12, 9)));

        Assert.All(Cells(table), cell => Assert.Equal(CellShown.Number, table.Shown[cell.R, cell.C]));

        var small = SmallCellSuppression.Apply(Table((20, 25), (3, 30), (12, 9), (8, 4)));
        Assert.Equal(CellShown.Small, small.Shown[1, 0]);
        Assert.Equal(CellShown.Small, small.Shown[3, 1]);
        Assert.Equal(CellShown.Number, small.Shown[0, 0]);
    }

    [Fact]
    public void NoSmallCellCanBeWorkedOutOfATableOfCountries() =>
        AssertNoSmallCellCanBeWorkedOut(SmallCellSuppression.Apply(Table((20, 25), (3, 10), (6, 1), (0, 2), (4, 4))));

    private static IEnumerable<(int R, int C)> Cells(SuppressedTable t) =>
        Enumerable.Range(0, t.Rows).SelectMany(r => Enumerable.Range(0, t.Columns).Select(c => (r, c)));

    /// <summary>
    /// Tries every value of the hidden cells of the half-year columns (small: 1 to 4; hidden: 0 to the largest total), works
    /// out the year column and the totals from them, keeps the assignments that agree with what is shown, and requires each
    /// small cell to have at least two possible values among them.
    /// </summary>
    private static void AssertNoSmallCellCanBeWorkedOut(SuppressedTable t)
    {
        var body = t.Rows - 1;
        var ceiling = Math.Max(t.Values[body, 0], t.Values[body, 1]);
        var free = Cells(t).Where(c => c.R < body && c.C < 2 && t.Shown[c.R, c.C] != CellShown.Number).ToList();
        var possible = Cells(t).Where(c => t.Shown[c.R, c.C] == CellShown.Small).ToDictionary(c => c, _ => new HashSet<int>());
        var trial = (int[,])t.Values.Clone();

        void Try(int index)
        {
            if (index == free.Count)
            {
                var candidate = new int[t.Rows, 3];
                for (var r = 0; r < body; r++)
                {
                    (candidate[r, 0], candidate[r, 1], candidate[r, 2]) = (trial[r, 0], trial[r, 1], trial[r, 0] + trial[r, 1]);
                }

                for (var c = 0; c < 3; c++)
                {
                    candidate[body, c] = Enumerable.Range(0, body).Sum(r => candidate[r, c]);
                }

                if (Cells(t).All(cell => Agrees(t, cell, candidate[cell.R, cell.C])))
                {
                    foreach (var cell in possible.Keys)
                    {
                        possible[cell].Add(candidate[cell.R, cell.C]);
                    }
                }

                return;
            }

            var (r0, c0) = free[index];
            // A count is never more than a shown total it is part of (its column's, its row's year).
            var bound = Math.Min(
                t.Shown[body, c0] == CellShown.Number ? t.Values[body, c0] : ceiling,
                t.Shown[r0, 2] == CellShown.Number ? t.Values[r0, 2] : ceiling);
            var (low, high) = t.Shown[r0, c0] == CellShown.Small ? (1, SmallCellSuppression.Threshold - 1) : (0, bound);
            var rowDone = index + 1 == free.Count || free[index + 1].R != r0;
            for (var v = low; v <= high; v++)
            {
                trial[r0, c0] = v;

                // Once a row's hidden halves have values, its year must agree with what is shown (this prunes the search).
                var columnSoFar = Enumerable.Range(0, r0 + 1).Sum(r => trial[r, c0]);
                var columnFits = t.Shown[body, c0] != CellShown.Number || columnSoFar <= t.Values[body, c0];
                if (columnFits && (!rowDone || Agrees(t, (r0, 2), trial[r0, 0] + trial[r0, 1])))
                {
                    Try(index + 1);
                }
            }
        }

        Try(0);
        foreach (var (cell, values) in possible)
        {
            Assert.Contains(t.Values[cell.R, cell.C], values);
            Assert.True(values.Count >= 2, $"The small cell at row {cell.R}, column {cell.C} can only be {string.Join(",", values)} in:\n{Describe(t)}");
        }
    }

    private static bool Agrees(SuppressedTable t, (int R, int C) cell, int value) => t.Shown[cell.R, cell.C] switch
    {
        CellShown.Number => value == t.Values[cell.R, cell.C],
        CellShown.Small => value is >= 1 and < SmallCellSuppression.Threshold,
        _ => value >= 0,
    };

    private static string Describe(SuppressedTable t) => string.Join("\n", Enumerable.Range(0, t.Rows).Select(r =>
        string.Join(" ", Enumerable.Range(0, t.Columns).Select(c => $"{t.Values[r, c]}{(t.Shown[r, c] switch { CellShown.Small => "<", CellShown.Hidden => "x", _ => "" })}"))));
}
