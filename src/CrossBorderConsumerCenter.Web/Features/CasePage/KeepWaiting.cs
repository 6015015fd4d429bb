using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Staff keep waiting for the consumer's answer (they phoned, say, and the consumer needs time): a new reply-by day,
/// and the case is no longer closed for no reply automatically. When the new day passes the clock marks the case
/// overdue, and staff decide. Recorded on the timeline with the reason.
/// </summary>
public static class KeepWaiting
{
    /// <summary>The furthest a wait can be extended at once.</summary>
    public const int MaxDays = 60;

    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }

        /// <summary>The Japan date (yyyy-MM-dd) until which to wait; the deadline is the office's closing time that day.</summary>
        public string? Until { get; set; }

        public string? Note { get; set; }

        public string? TypedText => Note;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text, TimeProvider clock)
        {
            RuleFor(f => f.Until).Must(v => FormValues.ParseDate(v) is not null).WithMessage(_ => text["KeepWaiting_Until_Invalid"])
                .Must(v => FormValues.ParseDate(v) is not { } day || (day > Today(clock) && day <= Today(clock).AddDays(MaxDays)))
                .WithMessage(_ => text["KeepWaiting_Until_Range", MaxDays]);
            RuleFor(f => f.Note).FreeText(text, "KeepWaiting_Note_Label", required: true);
        }
    }

    /// <summary>Today in Japan.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(CaseClocks.JapanOffset).DateTime);

    /// <summary>The deadline for a chosen day: the office's closing time, Japan time.</summary>
    public static DateTimeOffset DeadlineOn(DateOnly day) => new DateTimeOffset(day.ToDateTime(CaseClocks.OfficeCloses), CaseClocks.JapanOffset).ToUniversalTime();

    /// <summary>The day the form offers: a week from today, or the next business day after it.</summary>
    public static DateOnly Suggested(TimeProvider clock)
    {
        var day = Today(clock).AddDays(7);
        return BusinessCalendar.Japan.IsBusinessDay(day) ? day : BusinessCalendar.Japan.AddBusinessDays(day, 1);
    }

    public sealed class Handler(CaseChanges changes)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.KeepWaiting, user, (c, actor, now) =>
            {
                c.KeepWaiting(DeadlineOn(FormValues.ParseDate(form.Until)!.Value), form.Note, actor, now);
                return Task.FromResult(CaseChanges.Change.Made());
            }, ct);
    }
}
