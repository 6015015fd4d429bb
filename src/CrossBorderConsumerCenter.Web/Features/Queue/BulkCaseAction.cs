using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// Assigns or closes the cases ticked on a queue page, each through the case page's own use case (AssignCase,
/// CloseCase, so CaseChanges): the workflow checked per case, the version the page showed as the concurrency token,
/// one audit entry and one timeline line per case. Each case is saved on its own, so one refused case does not hold
/// back the others; the summary names every case that was not done and why.
/// </summary>
public static class BulkCaseAction
{
    public const string Assign = "assign";
    public const string Close = "close";

    public sealed class Form
    {
        /// <summary><see cref="Assign"/> or <see cref="Close"/>.</summary>
        public string? Action { get; set; }

        /// <summary>The ticked rows (<see cref="BulkSelection.Value"/>).</summary>
        public List<string> Cases { get; set; } = [];

        /// <summary>Every row of the page, so "all on this page" works without JavaScript.</summary>
        public List<string> OnPage { get; set; } = [];

        public bool AllOnPage { get; set; }

        /// <summary>Whom to give the cases to (a user id as text: a tampered value is an error message, not a binding failure).</summary>
        public string? AssigneeId { get; set; }

        /// <summary>As the case page's close form (<see cref="CloseCase.Form"/>).</summary>
        public string? Outcome { get; set; }

        public string? Comment { get; set; }

        public IReadOnlyList<BulkSelection.Item> Selected => BulkSelection.Parse(AllOnPage ? OnPage : Cases);

        public Guid? Assignee => Guid.TryParse(AssigneeId, out var id) ? id : null;

        /// <summary>Whether the row's value was ticked (kept when the form is shown again).</summary>
        public bool IsTicked(string value) => AllOnPage || Cases.Contains(value);
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<QueueText> text, IValidator<CloseCase.Form> close)
        {
            RuleFor(f => f.Action).Must(a => a is Assign or Close).WithMessage(_ => text["Bulk_Action_Required"]);
            RuleFor(f => f.Cases).Must((f, _) => f.Selected.Count > 0).WithMessage(_ => text["Bulk_Cases_Required"]);
            RuleFor(f => f.Cases).Must((f, _) => f.Selected.Count <= BulkSelection.MaxCases).WithMessage(_ => text["Bulk_Cases_TooMany", BulkSelection.MaxCases]);
            RuleFor(f => f.AssigneeId).Must((f, _) => f.Assignee is not null).When(f => f.Action == Assign).WithMessage(_ => text["Bulk_Assignee_Required"]);

            // Closing many cases asks exactly what closing one asks: the case page's own rules and messages.
            RuleFor(f => f).CustomAsync(async (f, context, ct) =>
            {
                var result = await close.ValidateAsync(new CloseCase.Form { Outcome = f.Outcome, Comment = f.Comment }, ct);
                foreach (var error in result.Errors)
                {
                    context.AddFailure(error.PropertyName, error.ErrorMessage);
                }
            }).When(f => f.Action == Close);
        }
    }

    public enum Refusal
    {
        /// <summary>The workflow does not allow the action in the case's status (closed already, say).</summary>
        NotAllowed,

        /// <summary>The case changed after the page was shown.</summary>
        ChangedBySomeoneElse,
        NotFound,

        /// <summary>The assignee may not take cases (disabled, or no longer in the back office).</summary>
        NotAssignable,
    }

    public sealed record Refused(string Number, Refusal Reason, CaseStatus? Status);

    /// <summary>What was done: the cases changed, those that already were so (assigned to that person), and those refused.</summary>
    public sealed record Summary(string Action, string? AssigneeName, IReadOnlyList<string> Done, IReadOnlyList<string> Unchanged, IReadOnlyList<Refused> Refused);

    /// <summary>The summary, or null when the assignee cannot be given cases at all (nothing was tried).</summary>
    public sealed class Handler(AppDbContext db, AssignCase.Handler assign, CloseCase.Handler close)
    {
        public async Task<Summary?> HandleAsync(Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            string? assigneeName = null;
            if (form.Action == Assign)
            {
                var id = form.Assignee!.Value;
                assigneeName = await AssignableUsers.Query(db).Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
                if (assigneeName is null)
                {
                    return null;
                }
            }

            var (done, unchanged, refused) = (new List<string>(), new List<string>(), new List<(string Number, Refusal Reason)>());
            foreach (var item in form.Selected)
            {
                var result = form.Action == Assign
                    ? await assign.HandleAsync(item.Number, new AssignCase.Form { Version = item.Version, AssigneeId = form.Assignee }, user, ct)
                    : await close.HandleAsync(item.Number, new CloseCase.Form { Version = item.Version, Outcome = form.Outcome, Comment = form.Comment }, user, ct);

                // Each case is loaded, changed and saved on its own; the next starts from an empty context.
                db.ChangeTracker.Clear();
                switch (result.Outcome)
                {
                    case CaseChanges.Outcome.Done:
                        done.Add(item.Number);
                        break;
                    case CaseChanges.Outcome.Unchanged:
                        unchanged.Add(item.Number);
                        break;
                    default:
                        refused.Add((item.Number, result.Outcome switch
                        {
                            CaseChanges.Outcome.NotAllowed => Refusal.NotAllowed,
                            CaseChanges.Outcome.NotFound => Refusal.NotFound,
                            CaseChanges.Outcome.Refused => Refusal.NotAssignable,
                            _ => Refusal.ChangedBySomeoneElse,
                        }));
                        break;
                }
            }

            // The status that refused the action, for the message ("not allowed while the case is closed").
            var notAllowed = refused.Where(r => r.Reason == Refusal.NotAllowed).Select(r => r.Number).ToList();
            var statuses = notAllowed.Count == 0
                ? []
                : await db.Cases.AsNoTracking().Where(c => notAllowed.Contains(c.Number)).Select(c => new { c.Number, c.Status }).ToDictionaryAsync(c => c.Number, c => c.Status, ct);
            return new Summary(form.Action!, assigneeName, done, unchanged,
                [.. refused.Select(r => new Refused(r.Number, r.Reason, statuses.TryGetValue(r.Number, out var s) ? s : null))]);
        }
    }
}
