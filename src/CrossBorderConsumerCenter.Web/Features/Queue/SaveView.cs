using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Queue;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// A staff member keeps the queue's current filters, search and order under a name (<see cref="SavedView"/>): the view
/// from its first page, as the queue's own links write it. Only they see it.
/// </summary>
public static class SaveView
{
    public sealed class Form
    {
        public string? Name { get; set; }
    }

    /// <summary>What the form alone can tell; the handler checks the owner's other names and how many they have.</summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<QueueText> text)
        {
            RuleFor(f => f.Name).Must(n => SavedView.Check(n, []) != SavedViewProblem.NameEmpty).WithMessage(_ => text[MessageKey(SavedViewProblem.NameEmpty)]);
            RuleFor(f => f.Name).Must(n => SavedView.Check(n, []) != SavedViewProblem.NameTooLong).WithMessage(_ => text[MessageKey(SavedViewProblem.NameTooLong), SavedView.MaxNameLength]);
        }
    }

    /// <summary>The resource key of the message for a refused name.</summary>
    public static string MessageKey(SavedViewProblem problem) => "SavedView_" + problem;

    /// <summary>The number the message names: the longest name, or the most views one may keep.</summary>
    public static int MessageArgument(SavedViewProblem problem) => problem == SavedViewProblem.NameTooLong ? SavedView.MaxNameLength : SavedView.MaxPerOwner;

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <summary>Saves the view of <paramref name="criteria"/>; returns why not, or null when saved.</summary>
        public async Task<SavedViewProblem?> HandleAsync(Guid ownerId, Form form, QueueCriteria criteria, CancellationToken ct)
        {
            var names = await db.SavedViews.AsNoTracking().Where(v => v.OwnerId == ownerId).Select(v => v.Name).ToListAsync(ct);
            if (SavedView.Check(form.Name, names) is { } problem)
            {
                return problem;
            }

            var query = criteria.FirstPage().Href()[QueueCriteria.Path.Length..];
            db.SavedViews.Add(new SavedView(ownerId, form.Name!, query, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same name saved at the same moment from another tab.
                db.ChangeTracker.Clear();
                return SavedViewProblem.DuplicateName;
            }
        }
    }
}
