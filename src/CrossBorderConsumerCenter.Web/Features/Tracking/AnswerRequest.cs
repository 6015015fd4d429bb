using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// The consumer answers the center's question on the tracking page, with text and files (intake's limits and
/// checks): the answer lands on the case's timeline, the files among its evidence, and the case goes back to the
/// staff (in progress). Possible only while the case waits for the consumer.
/// </summary>
public static class AnswerRequest
{
    public const string FilesField = "Files";

    public sealed class Form : CaseAdditionForm;

    public sealed class Validator(IStringLocalizer<TrackingText> text) : CaseAdditionValidator<Form>(text, "Answer");

    public sealed class Handler(CaseAdditions additions)
    {
        public Task<CaseAdditions.Result> HandleAsync(Guid caseId, Form form, IEnumerable<IFormFile> files, CancellationToken ct) =>
            additions.AddAsync(caseId, files, (c, fileIds, now) =>
                CaseWorkflow.Can(c.Status, CaseAction.ReceiveConsumerReply) ? c.ReceiveConsumerReply(form.Text!, CaseActor.Consumer, now, fileIds) : null, audited: false, ct);
    }
}
