using System.Globalization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// How long personal data lives (section "Retention", defaults and reasons in ADR 0100). Periods are counted in days
/// from the event named; records of provision abroad are kept for their three years whatever is set here, and intake
/// drafts for the 24 hours the form promises (<c>IntakeDraft.Lifetime</c>, deleted by <c>DraftCleanup</c>).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Run the retention job in this process. Every instance may run it: a case is claimed by one pass at a time.</summary>
    public bool Enabled { get; set; } = true;

    public double IntervalMinutes { get; set; } = 60;

    /// <summary>Cases anonymised per transaction (a pass repeats until none are due).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>A finished case keeps the consumer's personal data this long after it closed, then is anonymised.</summary>
    public int PersonalDataDaysAfterClosing { get; set; } = 3 * 365;

    /// <summary>A finished case's evidence files (the consumer's and the partner's) are deleted this long after it closed.</summary>
    public int EvidenceFileDaysAfterClosing { get; set; } = 365;

    /// <summary>The bodies of sent emails (and their attachments) are replaced this long after sending; recipients, subject and state stay.</summary>
    public int SentEmailBodyDays { get; set; } = 180;

    /// <summary>A consumer's tracking links of a finished case stop working and are deleted this long after it closed.</summary>
    public int TrackingLinkDaysAfterClosing { get; set; } = 90;

    /// <summary>A partner agency's answer link is deleted this long after it expired or was answered.</summary>
    public int PartnerLinkDaysAfterExpiry { get; set; } = 30;

    /// <summary>
    /// An online consultation booking that never became a case keeps the applicant's personal data this long after its
    /// last day (the day it was cancelled, otherwise the consultation's day, in Japan), then is anonymised (ADR 0103).
    /// </summary>
    public int BookingWithoutCaseDays { get; set; } = 365;

    /// <summary>Audit entries are deleted this long after they were written.</summary>
    public int AuditEntryDays { get; set; } = 5 * 365;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    public sealed class Validator : IValidateOptions<RetentionOptions>
    {
        public ValidateOptionsResult Validate(string? name, RetentionOptions options)
        {
            var failures = new List<string>();
            void Check(string setting, double value, double min, double max)
            {
                if (value < min || value > max)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{setting} must be between {min} and {max} (got {value})."));
                }
            }

            Check(nameof(IntervalMinutes), options.IntervalMinutes, 0.01, 1440);
            Check(nameof(BatchSize), options.BatchSize, 1, 500);
            Check(nameof(PersonalDataDaysAfterClosing), options.PersonalDataDaysAfterClosing, 30, 36_500);
            Check(nameof(EvidenceFileDaysAfterClosing), options.EvidenceFileDaysAfterClosing, 30, 36_500);
            Check(nameof(SentEmailBodyDays), options.SentEmailBodyDays, 7, 36_500);
            Check(nameof(TrackingLinkDaysAfterClosing), options.TrackingLinkDaysAfterClosing, 1, 36_500);
            Check(nameof(PartnerLinkDaysAfterExpiry), options.PartnerLinkDaysAfterExpiry, 1, 36_500);
            Check(nameof(BookingWithoutCaseDays), options.BookingWithoutCaseDays, 30, 36_500);
            Check(nameof(AuditEntryDays), options.AuditEntryDays, 365, 36_500);
            if (options.EvidenceFileDaysAfterClosing > options.PersonalDataDaysAfterClosing)
            {
                failures.Add($"{Section}:{nameof(EvidenceFileDaysAfterClosing)} cannot be longer than {nameof(PersonalDataDaysAfterClosing)}: anonymising a case deletes its files.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
