using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
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

    public sealed class Form : CaseAdditionForm;

    public sealed class Validator(IStringLocalizer<CounselorText> text) : CaseAdditionValidator<Form>(text, "Add");

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
