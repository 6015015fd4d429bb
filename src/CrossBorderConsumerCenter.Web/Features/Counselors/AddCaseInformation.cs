using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Features.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// The one thing a counselor may do to a case of their center: add information, with files (intake's limits and
/// checks). While the center waits for the consumer's answer it is that answer (the case goes back to the staff);
/// otherwise it is a line on the timeline and evidence for the staff. Only while the case is open.
/// </summary>
public static class AddCaseInformation
{
    public const string FilesField = "Files";

    public sealed class Form
    {
        public string? Text { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CounselorText> text) =>
            RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Add_Text_Required"])
                .Must(v => v!.Length <= CaseEvent.MaxTextLength)
                .WithMessage((_, v) => text["Add_Text_TooLong", Count(CaseEvent.MaxTextLength), Count(v!.Length)])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Add_Text_ControlCharacters"]);

        private static string Count(int number) => number.ToString("N0", CultureInfo.CurrentCulture);
    }

    public sealed class Handler(CaseAdditions additions)
    {
        public Task<CaseAdditions.Result> HandleAsync(CounselorIdentity counselor, Guid caseId, Form form, IEnumerable<IFormFile> files, CancellationToken ct) =>
            additions.AddAsync(caseId, files, (c, fileIds, now) =>
            {
                var actor = CaseActor.Counselor(counselor.UserId, counselor.DisplayName);
                return c.FiledByCenterId != counselor.CenterId ? null
                    : CaseWorkflow.Can(c.Status, CaseAction.ReceiveConsumerReply) ? c.ReceiveConsumerReply(form.Text!, actor, now, fileIds)
                    : CaseWorkflow.Can(c.Status, CaseAction.AddInformation) ? c.AddInformation(form.Text!, actor, now, fileIds)
                    : null;
            }, audited: true, ct);
    }
}
