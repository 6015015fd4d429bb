using CrossBorderConsumerCenter.Web.Domain.Queue;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>A staff member's saved views of the queue: names, limits and what a view keeps. Written before the rule.</summary>
public class SavedViewTests
{
    private static readonly DateTimeOffset Now = TestTime.Today;
    private static readonly Guid Owner = Guid.NewGuid();

    [Theory]
    [InlineData("  期限切れ  ", "期限切れ")]
    [InlineData("my\t  overdue\ncases", "my overdue cases")]
    [InlineData("ＵＳの案件", "USの案件")]
    [InlineData("ｶﾅ", "カナ")]
    [InlineData("a\u3000b", "a b")]
    public void ANameIsTrimmedWithItsSpacesFoldedAndItsWidthsNormalized(string typed, string kept) => Assert.Equal(kept, SavedView.NormalizeName(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    public void AnEmptyNameIsRefused(string? name) => Assert.Equal(SavedViewProblem.NameEmpty, SavedView.Check(name, []));

    [Fact]
    public void ANameUpToTheLimitIsAcceptedAndOneLongerRefused()
    {
        Assert.Null(SavedView.Check(new string('あ', SavedView.MaxNameLength), []));
        Assert.Equal(SavedViewProblem.NameTooLong, SavedView.Check(new string('あ', SavedView.MaxNameLength + 1), []));
    }

    [Fact]
    public void TheLimitCountsTheNameAsKeptNotAsTyped() => Assert.Null(SavedView.Check("  " + new string('a', SavedView.MaxNameLength) + "  ", []));

    [Theory]
    [InlineData("Overdue", "Overdue")]
    [InlineData("overdue", "Overdue")]
    [InlineData(" OVERDUE ", "Overdue")]
    [InlineData("ＯＶＥＲＤＵＥ", "overdue")]
    [InlineData("my  view", "My View")]
    public void ANameTheOwnerAlreadyUsesIsRefusedWhateverItsCaseWidthOrSpacing(string name, string existing) =>
        Assert.Equal(SavedViewProblem.DuplicateName, SavedView.Check(name, [existing]));

    [Fact]
    public void ANameOnlySimilarToAnExistingOneIsAccepted() => Assert.Null(SavedView.Check("Overdue US", ["Overdue", "US"]));

    [Fact]
    public void TheOwnerMayKeepUpToTheLimitAndNoMore()
    {
        var almost = Enumerable.Range(1, SavedView.MaxPerOwner - 1).Select(i => $"view {i}").ToList();
        Assert.Null(SavedView.Check("one more", almost));
        Assert.Equal(SavedViewProblem.TooMany, SavedView.Check("one more", [.. almost, "last"]));
    }

    [Fact]
    public void AnEmptyNameIsNamedBeforeTheLimitAndTheLimitBeforeADuplicate()
    {
        var full = Enumerable.Range(1, SavedView.MaxPerOwner).Select(i => $"view {i}").ToList();
        Assert.Equal(SavedViewProblem.NameEmpty, SavedView.Check(" ", full));
        Assert.Equal(SavedViewProblem.TooMany, SavedView.Check("view 1", full));
    }

    [Fact]
    public void AViewKeepsTheNormalizedNameItsKeyTheQueryAndWhenItWasSaved()
    {
        var view = new SavedView(Owner, "  ＵＳ  overdue ", "?view=all&overdue=1", Now);

        Assert.Equal(Owner, view.OwnerId);
        Assert.Equal("US overdue", view.Name);
        Assert.Equal("US OVERDUE", view.NameKey);
        Assert.Equal("?view=all&overdue=1", view.Query);
        Assert.Equal(Now, view.CreatedAt);
        Assert.NotEqual(Guid.Empty, view.Id);
    }

    [Fact]
    public void TheDefaultViewIsKeptAsAnEmptyQuery() => Assert.Equal("", new SavedView(Owner, "default", "", Now).Query);

    [Theory]
    [InlineData("view=all")]
    [InlineData("/staff/cases?view=all")]
    [InlineData("//evil.example/?a=b")]
    [InlineData("https://evil.example/")]
    public void AQueryThatIsNotAQueryStringIsRefused(string query) =>
        Assert.Throws<ArgumentException>(() => new SavedView(Owner, "name", query, Now));

    [Fact]
    public void AQueryLongerThanTheLimitIsRefused() =>
        Assert.Throws<ArgumentException>(() => new SavedView(Owner, "name", "?q=" + new string('a', SavedView.MaxQueryLength), Now));

    [Fact]
    public void AnInvalidNameIsRefusedByTheConstructorToo()
    {
        Assert.Throws<ArgumentException>(() => new SavedView(Owner, " ", "", Now));
        Assert.Throws<ArgumentException>(() => new SavedView(Owner, new string('a', SavedView.MaxNameLength + 1), "", Now));
    }
}
