using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Replies;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

/// <summary>
/// An admin adds a reply template or changes one: its name, the action it is for, its Japanese and English text. A text
/// with a placeholder the portal does not know is refused, naming it. Two admins at once: the second is told (xmin).
/// Audited with the values before and after.
/// </summary>
public static class SaveReplyTemplate
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Action { get; set; }
        public string? JapaneseText { get; set; }
        public string? EnglishText { get; set; }
        public uint Version { get; set; }

        /// <summary>The action, when it is one a template can be for.</summary>
        public CaseAction? ParsedAction => FormValues.ParseEnum<CaseAction>(Action) is { } action && ReplyTemplate.Actions.Contains(action) ? action : null;

        public ReplyTemplateDetails ToDetails() => new(Name?.Trim() ?? "", ParsedAction ?? default, JapaneseText ?? "", EnglishText ?? "");

        public static Form From(ReplyTemplate t) => new()
        {
            Name = t.Name,
            Action = t.Action.ToString(),
            JapaneseText = t.JapaneseText,
            EnglishText = t.EnglishText,
            Version = t.Version,
        };
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ReplyTemplatesText> text)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_Name_Required"])
                .Must(v => v!.Trim().Length <= ReplyTemplate.MaxNameLength).WithMessage(_ => text["Error_Name_TooLong", ReplyTemplate.MaxNameLength])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ControlCharacters", text["Template_Name"]]);
            RuleFor(f => f.Action).Must((form, _) => form.ParsedAction is not null).WithMessage(_ => text["Error_Action_Required"]);
            Text(RuleFor(f => f.JapaneseText), text, "Template_JapaneseText");
            Text(RuleFor(f => f.EnglishText), text, "Template_EnglishText");
        }

        private static void Text(IRuleBuilderInitial<Form, string?> rule, IStringLocalizer<ReplyTemplatesText> text, string labelKey) =>
            rule.Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_Text_Required", text[labelKey]])
                .Must(v => v!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Length <= ReplyTemplate.MaxTextLength)
                .WithMessage(_ => text["Error_Text_TooLong", text[labelKey], ReplyTemplate.MaxTextLength])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ControlCharacters", text[labelKey]])
                .Must(v => ReplyPlaceholders.Unknown(v).Count == 0)
                .WithMessage((_, v) => text["Error_UnknownPlaceholders", text[labelKey], string.Join(", ", ReplyPlaceholders.Unknown(v)),
                    string.Join(", ", ReplyPlaceholders.All.Select(p => p.Token))]);
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        ChangedBySomeoneElse,

        /// <summary>Another template of that name exists for that action.</summary>
        Duplicate,
    }

    public sealed record Result(Outcome Outcome, Guid? Id = null);

    public sealed class Handler(AppDbContext db, AuditTrail audit, ReplyTemplateDirectory directory, TimeProvider clock)
    {
        /// <summary>Creates a template (<paramref name="id"/> null) or changes the one with <paramref name="id"/>.</summary>
        public async Task<Result> HandleAsync(Guid? id, Form form, CancellationToken ct)
        {
            var details = form.ToDetails();
            try
            {
                if (await db.ReplyTemplates.AnyAsync(t => t.Id != id && t.Action == details.Action && t.Name == details.Name, ct))
                {
                    return new Result(Outcome.Duplicate);
                }

                var now = clock.GetUtcNow();
                if (id is null)
                {
                    var created = new ReplyTemplate(details, now);
                    db.ReplyTemplates.Add(created);
                    audit.Record(AuditAction.ReplyTemplateCreated, "ReplyTemplate", created.Id.ToString(), details: Snapshot(created.Details()));
                    await db.SaveChangesAsync(ct);
                    directory.Invalidate();
                    return new Result(Outcome.Saved, created.Id);
                }

                var template = await db.ReplyTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
                if (template is null)
                {
                    return new Result(Outcome.NotFound);
                }

                if (template.Version != form.Version)
                {
                    return new Result(Outcome.ChangedBySomeoneElse, id);
                }

                var before = Snapshot(template.Details());
                template.Update(details, now);
                var changes = AuditTrail.Changes(before, Snapshot(template.Details()));
                if (changes.Count > 0)
                {
                    audit.Record(AuditAction.ReplyTemplateUpdated, "ReplyTemplate", template.Id.ToString(), details: changes);
                    await db.SaveChangesAsync(ct);
                    directory.Invalidate();
                }

                return new Result(Outcome.Saved, id);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.ChangedBySomeoneElse, id);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another admin saved a template of that name for that action at the same moment.
                return new Result(Outcome.Duplicate);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A template's values as the audit trail keeps them before and after.</summary>
    public static Dictionary<string, object?> Snapshot(ReplyTemplateDetails d) => new()
    {
        ["name"] = d.Name,
        ["action"] = d.Action.ToString(),
        ["japaneseText"] = d.JapaneseText,
        ["englishText"] = d.EnglishText,
    };
}
