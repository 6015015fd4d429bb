using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The complaint form's steps, the same for a consumer (IntakeController) and for a counselor filing for a resident
/// (CounselorsController): what was typed and the files go into the draft first (nothing is lost, whatever happens
/// next), refused files are named on the form, the review needs a valid form, and after a redirect the form says which
/// files were attached or removed. Each controller decides only where its own pages are.
/// </summary>
public sealed class ComplaintFormFlow(SaveComplaint.Handler save, AppDbContext db, IStringLocalizer<IntakeText> text)
{
    private const string AddedKey = "Complaint.Added";
    private const string RemovedKey = "Complaint.Removed";

    /// <summary>Where a post of the form leads.</summary>
    public enum Destination
    {
        /// <summary>Saved in the background (intake.js, while typing and before the language changes): nothing to show.</summary>
        Saved,

        /// <summary>Saved; the consent (or attestation) page, to change a choice.</summary>
        Consent,

        /// <summary>Saved and valid: the review page.</summary>
        Review,

        /// <summary>Problems to show: the form again, as posted, with the errors in model state.</summary>
        ShowForm,

        /// <summary>Files attached or removed: the form again after a redirect, at the evidence.</summary>
        BackToForm,

        /// <summary>Saved; "delete my entries" asks on a page of its own before anything is deleted.</summary>
        ConfirmDiscard,
    }

    /// <summary>The outcome of a post; <see cref="Page"/> is the form's page when it is shown again at once.</summary>
    public sealed record Posted(Destination Next, ComplaintFormPage? Page);

    /// <summary>
    /// Saves a posted form into <paramref name="draft"/> and says where to go. <paramref name="validator"/> is the form's
    /// rules (the resident's email is optional for a counselor); refused files and problems go into
    /// <paramref name="modelState"/>; attached and removed files are remembered in <paramref name="tempData"/> for the
    /// page after the redirect.
    /// </summary>
    public async Task<Posted> PostAsync(
        IntakeDraft draft, ComplaintForm form, IReadOnlyList<IFormFile> uploads, string? intent, Guid? removeFile, IValidator<ComplaintForm> validator,
        ModelStateDictionary modelState, ITempDataDictionary tempData, bool forResident, CancellationToken ct)
    {
        // Only the "remove" buttons beside the files carry removeFile. A save in the background carries the values only:
        // files are attached and removed by the consumer's own buttons, never by the script.
        var inBackground = intent == IntakeController.Intents.Autosave;
        var saved = await save.HandleAsync(draft, form, inBackground ? [] : uploads, inBackground ? null : removeFile, ct);
        switch (intent)
        {
            case IntakeController.Intents.Autosave:
                return new Posted(Destination.Saved, null);
            case IntakeController.Intents.Consent:
                return new Posted(Destination.Consent, null);
            case IntakeController.Intents.Discard:
                return new Posted(Destination.ConfirmDiscard, null);
        }

        foreach (var refused in saved.Uploads.Where(u => u.Problem is not null))
        {
            modelState.AddModelError(IntakeController.EvidenceField, text["Evidence_" + refused.Problem, refused.FileName]);
        }

        var added = saved.Uploads.Where(u => u.Problem is null).Select(u => u.FileName).ToList();
        if (intent == IntakeController.Intents.Review)
        {
            (await validator.ValidateAsync(form, ct)).AddToModelState(modelState, IntakeController.FormPrefix);
            if (modelState.IsValid)
            {
                return new Posted(Destination.Review, null);
            }
        }

        if (!modelState.IsValid)
        {
            // The form again, as posted, with the summary; the files are already safe in the draft.
            return new Posted(Destination.ShowForm, await PageAsync(draft, form, added, saved.RemovedFileName, forResident, ct));
        }

        if (added.Count > 0)
        {
            tempData[AddedKey] = string.Join('\n', added);
        }

        if (saved.RemovedFileName is not null)
        {
            tempData[RemovedKey] = saved.RemovedFileName;
        }

        return new Posted(Destination.BackToForm, null);
    }

    /// <summary>
    /// The form's page from the draft, with the files attached or removed by the post before (if any); with
    /// <paramref name="check"/>, the form's problems are shown at once (coming back from a review that found some).
    /// </summary>
    public async Task<ComplaintFormPage> ShowAsync(
        IntakeDraft draft, bool check, IValidator<ComplaintForm> validator, ModelStateDictionary modelState, ITempDataDictionary tempData, bool forResident, CancellationToken ct)
    {
        var form = SaveComplaint.Deserialize(draft);
        if (check)
        {
            (await validator.ValidateAsync(form, ct)).AddToModelState(modelState, IntakeController.FormPrefix);
        }

        var added = tempData[AddedKey] is string names ? names.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
        return await PageAsync(draft, form, added, tempData[RemovedKey] as string, forResident, ct);
    }

    /// <summary>The review page's data, when the saved form is valid; null sends the person back to the form to see why.</summary>
    public async Task<ReviewPage?> ReviewAsync(IntakeDraft draft, IValidator<ComplaintForm> validator, string formPath, bool forResident, CancellationToken ct)
    {
        var form = SaveComplaint.Deserialize(draft);
        return (await validator.ValidateAsync(form, ct)).IsValid
            ? new ReviewPage(form, form.ToDetails(), await HeldFile.OfAsync(db, draft, ct), draft.Consent, formPath, forResident)
            : null;
    }

    private async Task<ComplaintFormPage> PageAsync(IntakeDraft draft, ComplaintForm form, IReadOnlyList<string> added, string? removed, bool forResident, CancellationToken ct) =>
        new(form, await HeldFile.OfAsync(db, draft, ct), added, removed, draft.Consent, forResident);
}
