using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrossBorderConsumerCenter.UnitTests.Intake;

public class IntakeFormPartsTests
{
    private static readonly DateTimeOffset Now = IntakeTestSupport.Now;

    [Fact]
    public void TheDraftKeepsEveryValueByteForByte()
    {
        var form = IntakeTestSupport.ValidForm();
        form.Trouble.WhatHappened = "😀 مرحبا עברית <script>alert('x')</script> '; DROP TABLE cases; -- \r\n\t\"quoted\" \\ \u0000 end";
        form.Consumer.Name = "𠮷野家 𩸽";
        var draft = new IntakeDraft("hash", new ConsentChoices(PrivacyNotice.CurrentVersion, true, true, true, true, Now), Now);
        draft.SaveForm(SaveComplaint.Serialize(form), Now);

        var back = SaveComplaint.Deserialize(draft);
        Assert.Equal(form.Trouble.WhatHappened, back.Trouble.WhatHappened);
        Assert.Equal(form.Consumer.Name, back.Consumer.Name);
        Assert.Equal(form.Purchase.Amount, back.Purchase.Amount);
        Assert.Contains("مرحبا", draft.FormJson, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDraftCutsAPastedNovelAtTwiceTheLimitWithoutSplittingAnEmoji()
    {
        var form = IntakeTestSupport.ValidForm();
        form.Trouble.WhatHappened = new string('あ', (2 * ComplaintLimits.WhatHappened) - 1) + "😀😀";
        form.Consumer.Name = new string('x', 10_000);

        var kept = form.ForDraft();

        Assert.Equal((2 * ComplaintLimits.WhatHappened) - 1, kept.Trouble.WhatHappened!.Length);
        Assert.Equal(2 * ComplaintLimits.Name, kept.Consumer.Name!.Length);
        Assert.Equal(IntakeTestSupport.ValidForm().Consumer.Email, kept.Consumer.Email);
    }

    [Fact]
    public void EvenTheLargestDraftFitsItsColumn()
    {
        var form = new ComplaintForm();
        foreach (var section in typeof(ComplaintForm).GetProperties())
        {
            var value = section.GetValue(form)!;
            foreach (var field in section.PropertyType.GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                // Control characters are escaped six characters each in JSON: the worst case.
                field.SetValue(value, new string('\u0001', 100_000));
            }
        }

        Assert.True(SaveComplaint.Serialize(form).Length <= IntakeDraft.MaxFormJsonLength);
    }

    [Fact]
    public void ADraftWrittenByAnOlderFormStartsAfreshInsteadOfFailing()
    {
        var draft = new IntakeDraft("hash", new ConsentChoices(PrivacyNotice.CurrentVersion, true, true, true, true, Now), Now);
        draft.SaveForm("{\"Consumer\": [1, 2, 3]}", Now);
        Assert.Null(SaveComplaint.Deserialize(draft).Consumer.Name);
    }

    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData(@"C:\Users\taro\Pictures\破損.heic", "破損.heic")]
    [InlineData("/home/taro/receipt.pdf", "receipt.pdf")]
    [InlineData("  spaced.png  ", "spaced.png")]
    [InlineData("bad\u0000name\r\n.png", "badname.png")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("C:\\", "file")]
    public void UploadedFileNamesAreCleanedOfPathsAndControlCharacters(string? given, string expected) =>
        Assert.Equal(expected, FileNames.Clean(given));

    [Fact]
    public void AVeryLongFileNameIsCut() => Assert.Equal(255, FileNames.Clean(new string('a', 300) + ".jpg").Length);

    [Fact]
    public void TheErrorSummaryFollowsTheOrderOfTheFormAndLinksToEachField()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Evidence", "file");
        modelState.AddModelError("Form.Trouble.Category", "category");
        modelState.AddModelError("Form.Consumer.Email", "email");
        modelState.AddModelError("Form.Consumer.Name", "name");
        modelState.SetModelValue("Form.Consumer.Phone", "090", "090");

        var summary = ErrorSummary.From(modelState, IntakeFieldOrder.Complaint).Lines;

        Assert.Equal(["name", "email", "category", "file"], summary.Select(e => e.Message));
        Assert.Equal(["Form_Consumer_Name", "Form_Consumer_Email", "Form_Trouble_Category", "Evidence"], summary.Select(e => e.FieldId));
    }
}
