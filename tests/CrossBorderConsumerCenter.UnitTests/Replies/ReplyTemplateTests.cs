using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Replies;
using CrossBorderConsumerCenter.Web.Features.ReplyTemplates;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Replies;

/// <summary>A reply template's rules, and the admin form's messages for them.</summary>
public class ReplyTemplateTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;
    private static readonly StringLocalizer<ReplyTemplatesText> Text = new(Localizers);

    private static ReplyTemplateDetails Valid(CaseAction action = CaseAction.Close) => new("返金の確認", action, "{merchant} から返金がありました。", "{merchant} has refunded you.");

    public static TheoryData<CaseAction> EveryAction()
    {
        var data = new TheoryData<CaseAction>();
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            data.Add(action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void OnlyTheFourActionsThatWriteToTheConsumerHaveTemplates(CaseAction action)
    {
        var writes = action is CaseAction.RequestInformation or CaseAction.NotifyConsumer or CaseAction.Decline or CaseAction.Close;

        Assert.Equal(writes, !ReplyTemplate.Problems(Valid(action)).Contains(ReplyTemplateProblem.Action));
    }

    [Fact]
    public void ANewTemplateIsActiveWithItsTextsTrimmedAndItsLinesInOneStyle()
    {
        var template = new ReplyTemplate(Valid() with { Name = "  返金の確認 ", JapaneseText = "\r\n一行目\r\n二行目\r\n" }, Now);

        Assert.True(template.IsActive);
        Assert.Equal("返金の確認", template.Name);
        Assert.Equal("一行目\n二行目", template.JapaneseText);
        Assert.Equal("一行目\n二行目", template.TextIn("ja"));
        Assert.Equal("{merchant} has refunded you.", template.TextIn("en"));
    }

    [Theory]
    [InlineData("", ReplyTemplateProblem.Name)]
    [InlineData("\u0001", ReplyTemplateProblem.Name)]
    public void ANameIsRequiredAndPrintable(string name, ReplyTemplateProblem problem) =>
        Assert.Equal([problem], ReplyTemplate.Problems(Valid() with { Name = name }));

    [Fact]
    public void ANameOfAHundredCharactersIsTheLongest()
    {
        Assert.Empty(ReplyTemplate.Problems(Valid() with { Name = new string('名', ReplyTemplate.MaxNameLength) }));
        Assert.Equal([ReplyTemplateProblem.Name], ReplyTemplate.Problems(Valid() with { Name = new string('名', ReplyTemplate.MaxNameLength + 1) }));
    }

    [Fact]
    public void BothTextsAreRequiredWithinTheLimitAndWithKnownPlaceholdersOnly()
    {
        Assert.Equal([ReplyTemplateProblem.JapaneseText], ReplyTemplate.Problems(Valid() with { JapaneseText = " " }));
        Assert.Equal([ReplyTemplateProblem.EnglishText], ReplyTemplate.Problems(Valid() with { EnglishText = new string('a', ReplyTemplate.MaxTextLength + 1) }));
        Assert.Equal([ReplyTemplateProblem.JapaneseText], ReplyTemplate.Problems(Valid() with { JapaneseText = "{期限}までに" }));
        Assert.Empty(ReplyTemplate.Problems(Valid() with { EnglishText = "Tabs\tand\nlines are text; so is a lone { brace." }));
    }

    [Fact]
    public void ChangingItToSomethingInvalidIsRefusedAndChangesNothing()
    {
        var template = new ReplyTemplate(Valid(), Now);

        Assert.Throws<ArgumentException>(() => template.Update(Valid() with { EnglishText = "{unknown}" }, Now.AddMinutes(1)));
        Assert.Equal("{merchant} has refunded you.", template.EnglishText);
        Assert.Equal(Now, template.UpdatedAt);
    }

    [Fact]
    public void TheFormNamesTheUnknownPlaceholdersAndTheKnownOnesInTheAdminsLanguage()
    {
        var form = new SaveReplyTemplate.Form { Name = "x", Action = "Close", JapaneseText = "ok", EnglishText = "By {date}, {case number}." };

        var errors = InLanguage("en", () => new SaveReplyTemplate.Validator(Text).Validate(form).Errors);

        var error = Assert.Single(errors);
        Assert.Equal(nameof(SaveReplyTemplate.Form.EnglishText), error.PropertyName);
        Assert.Equal(
            "The English text has placeholders the portal does not know: {date}, {case number}. The known ones are {case_number}, {consumer_name}, {merchant}, {item}, {partner}, {deadline}.",
            error.ErrorMessage);
    }

    [Theory]
    [InlineData("Forward")]
    [InlineData("close")]
    [InlineData("")]
    public void TheFormRefusesAnActionWithoutTemplates(string action) =>
        Assert.Contains(new SaveReplyTemplate.Validator(Text).Validate(new SaveReplyTemplate.Form { Name = "x", Action = action, JapaneseText = "a", EnglishText = "b" }).Errors,
            e => e.PropertyName == nameof(SaveReplyTemplate.Form.Action));
}
