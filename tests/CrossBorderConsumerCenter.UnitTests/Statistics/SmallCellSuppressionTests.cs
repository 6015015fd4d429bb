using CrossBorderConsumerCenter.Web.Domain.Statistics;

namespace CrossBorderConsumerCenter.UnitTests.Statistics;

/// <summary>
/// The public figures' suppression: every count of 1 to 4 is shown as "&lt;5", and nothing published (the other cells, the
/// half-years adding up to the year, the totals) lets anyone work one out. On hand-made tables the check does not trust the
/// suppression's own reasoning: it tries every value the hidden cells could take and keeps those that agree with everything
/// shown. That search is too slow for many tables, so the exposure check the suppression relies on
/// (<see cref="SmallCellExposure"/>) is compared with it on small random tables, then attacks thousands of random tables.
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
        foreach (var (cell, values) in PossibleByTryingEveryValue(t))
        {
            Assert.Contains(t.Values[cell.R, cell.C], values);
            Assert.True(values.Count >= 2, $"The small cell at row {cell.R}, column {cell.C} can only be {string.Join(",", values)} in:\n{Describe(t)}");
        }
    }

    /// <summary>The most a hidden cell is tried with: the largest count of the table.</summary>
    private static int Ceiling(SuppressedTable t) => t.Values.Cast<int>().Max();

    /// <summary>The values each small cell could have: every value of the hidden cells tried (up to <see cref="Ceiling"/>).</summary>
    private static Dictionary<(int R, int C), HashSet<int>> PossibleByTryingEveryValue(SuppressedTable t)
    {
        var body = t.Rows - 1;
        var ceiling = Ceiling(t);
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
        return possible;
    }

    /// <summary>A table of random half-year counts, mostly small ones (0 to <paramref name="largest"/>).</summary>
    private static int[,] RandomTable(Random random, int rows, int largest) =>
        Table([.. Enumerable.Range(0, rows).Select(_ => (Count(random, largest), Count(random, largest)))]);

    private static int Count(Random random, int largest) => random.Next(3) == 0 ? random.Next(SmallCellSuppression.Threshold) : random.Next(largest + 1);

    /// <summary>Only the small cells marked, nothing else hidden: many of these give a small cell away.</summary>
    private static SuppressedTable SmallOnly(int[,] values)
    {
        var shown = new CellShown[values.GetLength(0), values.GetLength(1)];
        foreach (var (r, c) in Enumerable.Range(0, values.GetLength(0)).SelectMany(r => Enumerable.Range(0, 3).Select(c => (r, c))))
        {
            shown[r, c] = values[r, c] is > 0 and < SmallCellSuppression.Threshold ? CellShown.Small : CellShown.Number;
        }

        return new SuppressedTable(values, shown);
    }

    /// <summary>The exposure check the suppression relies on finds exactly what trying every value finds, on tables small enough to try.</summary>
    [Fact]
    public void TheExposureCheckFindsWhatTryingEveryValueFindsOnSmallTables()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 150; i++)
        {
            var values = RandomTable(random, random.Next(1, 3), 6);
            foreach (var table in new[] { SmallOnly(values), SmallCellSuppression.Apply(values) })
            {
                var quick = SmallCellExposure.PossibleValuesOfSmallCells(table, Ceiling(table));
                var tried = PossibleByTryingEveryValue(table);
                Assert.Equal(tried.Keys.Order(), quick.Keys.Where(c => table.Shown[c.R, c.C] == CellShown.Small).Order());
                foreach (var (cell, values2) in tried)
                {
                    Assert.True(values2.Order().SequenceEqual(quick[cell]), $"Cell {cell}: tried {string.Join(",", values2.Order())}, quick {string.Join(",", quick[cell])} in:\n{Describe(table)}");
                }
            }
        }
    }

    /// <summary>Two thousand random tables, up to ten rows, mostly small counts: after suppression no small count has only one possible value.</summary>
    [Fact]
    public void NoSmallCellCanBeWorkedOutOfAnyOfTwoThousandRandomTables()
    {
        var random = new Random(6122026);
        for (var i = 0; i < 2_000; i++)
        {
            var table = SmallCellSuppression.Apply(RandomTable(random, random.Next(1, 11), random.Next(2) == 0 ? 12 : 200));
            foreach (var (cell, possible) in SmallCellExposure.PossibleValuesOfSmallCells(table))
            {
                Assert.Contains(table.Values[cell.R, cell.C], possible);
                Assert.True(possible.Count >= 2, $"The small count at row {cell.R}, column {cell.C} can only be {string.Join(",", possible)} in:\n{Describe(table)}");
            }
        }
    }

    [Fact]
    public void AColumnOfSmallCountsDownToASmallTotalHidesOneOfThem()
    {
        // Four counts of 1 in the second half and a total of 4: each "<5" of that column could only be 1.
        var table = SmallCellSuppression.Apply(Table((4, 1), (9, 1), (4, 1), (2, 1)));

        Assert.Contains(Cells(table), cell => cell.C == 1 && cell.R < 4 && table.Shown[cell.R, cell.C] == CellShown.Hidden);
        Assert.All(SmallCellExposure.PossibleValuesOfSmallCells(table), small => Assert.True(small.Value.Count >= 2, $"{small.Key}: {string.Join(",", small.Value)}"));
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
