using CrossBorderConsumerCenter.Web.Features.CasePage;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.CasePage;

/// <summary>The action forms' rules, with the messages staff read (Japanese).</summary>
public class CaseActionValidatorTests
{
    private static readonly IStringLocalizer<CasePageText> Text = new StringLocalizer<CasePageText>(Localizers);

    [Theory]
    [InlineData(null, "メモを入力してください。")]
    [InlineData(" \r\n\t", "メモを入力してください。")]
    [InlineData("一行目\v二行目", "メモに、表示できない制御文字が含まれています。貼り付けた場合は、その部分を入力し直してください。")]
    [InlineData("タブ\tと改行\r\nは大丈夫", null)]
    public void ANoteIsRequiredAndFreeOfControlCharacters(string? text, string? message) =>
        Assert.Equal(message, FirstError(new AddCaseNote.Validator(Text), new AddCaseNote.Form { Text = text }));

    [Fact]
    public void ANoteMayBeTwentyThousandCharactersAndNoMore()
    {
        var validator = new AddCaseNote.Validator(Text);
        Assert.Null(FirstError(validator, new AddCaseNote.Form { Text = new string('あ', 20_000) }));
        Assert.Equal("メモは20,000文字以内で入力してください(現在20,001文字)。", FirstError(validator, new AddCaseNote.Form { Text = new string('あ', 20_001) }));
    }

    [Theory]
    [InlineData("Duplicate", null, "重複元の受付番号を入力してください。")]
    [InlineData("Duplicate", "CCJ-26-1", "受付番号は CCJ-2026-000123 の形で入力してください。")]
    [InlineData("Duplicate", " ccj-2026-000123 ", null)]
    [InlineData("OutOfScope", "not a number", null)]
    [InlineData("duplicate", "CCJ-2026-000123", "お断りの理由を選んでください。")]
    [InlineData("3", null, "お断りの理由を選んでください。")]
    [InlineData(null, null, "お断りの理由を選んでください。")]
    public void ADeclineNamesAReasonAndADuplicateNamesAWellFormedCaseNumber(string? reason, string? duplicateOf, string? message) =>
        Assert.Equal(message, FirstError(new DeclineCase.Validator(Text), new DeclineCase.Form { Reason = reason, DuplicateOf = duplicateOf }));

    [Theory]
    [InlineData("Resolved", null, null)]
    [InlineData("NoReply", "", null)]
    [InlineData("Closed", null, "結果を選んでください。")]
    [InlineData("Resolved", "\0", "相談者へのメッセージに、表示できない制御文字が含まれています。貼り付けた場合は、その部分を入力し直してください。")]
    public void ClosingNamesAnOutcomeAndTheCommentIsOptional(string? outcome, string? comment, string? message) =>
        Assert.Equal(message, FirstError(new CloseCase.Validator(Text), new CloseCase.Form { Outcome = outcome, Comment = comment }));

    [Theory]
    [InlineData("Other", null)]
    [InlineData("other", "相談の種類を一覧から選んでください。")]
    [InlineData("Closed", "相談の種類を一覧から選んでください。")]
    public void ACategoryIsOneOfTheList(string category, string? message) =>
        Assert.Equal(message, FirstError(new ChangeCaseCategory.Validator(Text), new ChangeCaseCategory.Form { Category = category }));

    [Theory]
    [InlineData("Urgent", null)]
    [InlineData("", "優先度を一覧から選んでください。")]
    [InlineData("1", "優先度を一覧から選んでください。")]
    public void APriorityIsOneOfTheList(string priority, string? message) =>
        Assert.Equal(message, FirstError(new ChangeCasePriority.Validator(Text), new ChangeCasePriority.Form { Priority = priority }));

    [Fact]
    public void AQuestionIsRequiredAndAReopeningReasonIsNot()
    {
        Assert.Equal("相談者への質問を入力してください。", FirstError(new RequestInformation.Validator(Text), new RequestInformation.Form { Message = "" }));
        Assert.Null(FirstError(new ReopenCase.Validator(Text), new ReopenCase.Form { Reason = null }));
    }

    private static string? FirstError<T>(FluentValidation.IValidator<T> validator, T form) =>
        InLanguage("ja", () => validator.Validate(form).Errors.FirstOrDefault()?.ErrorMessage);
}
