using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

/// <summary>The consultation reminders' worker (section "ConsultationReminders"): whether it runs in this instance, how often, how many bookings a pass takes at once.</summary>
public sealed class ConsultationRemindersOptions
{
    public const string Section = "ConsultationReminders";

    /// <summary>Run the worker in this process. Every instance may run it: a booking is never reminded twice.</summary>
    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 60;

    /// <summary>Bookings claimed per transaction (a pass repeats until none are due).</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public sealed class Validator : IValidateOptions<ConsultationRemindersOptions>
    {
        public ValidateOptionsResult Validate(string? name, ConsultationRemindersOptions options)
        {
            var failures = new List<string>();
            if (options.IntervalSeconds is < 0.01 or > 3600)
            {
                failures.Add(FormattableString.Invariant($"{Section}:{nameof(IntervalSeconds)} must be between 0.01 and 3600 (got {options.IntervalSeconds})."));
            }

            if (options.BatchSize is < 1 or > 1000)
            {
                failures.Add(FormattableString.Invariant($"{Section}:{nameof(BatchSize)} must be between 1 and 1000 (got {options.BatchSize})."));
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
