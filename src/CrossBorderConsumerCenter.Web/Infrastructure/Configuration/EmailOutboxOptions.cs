using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// The background email sender (section "Email:Outbox"): how often it looks for due messages, how many
/// it claims and sends at once, and how long it keeps retrying a temporary failure. See docs/operations.md.
/// </summary>
public sealed class EmailOutboxOptions
{
    public const string Section = "Email:Outbox";

    /// <summary>Run the sender in this process. Every instance may run it; tests turn it on when they need it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wait between looks for due messages when there is nothing (more) to send.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Messages claimed in one go.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Messages of a batch sent at the same time (SMTP connections). Lower it if the relay limits connections.</summary>
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>How long temporary failures are retried, counted from enqueue (or from "send again").</summary>
    public double RetryPeriodHours { get; set; } = 48;

    /// <summary>Shortest wait before a retry.</summary>
    public double MinRetryDelaySeconds { get; set; } = 60;

    /// <summary>Longest wait before a retry: the doubling backoff stops growing here.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 3600;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    public RetrySchedule RetrySchedule => new(TimeSpan.FromSeconds(MinRetryDelaySeconds), TimeSpan.FromSeconds(MaxRetryDelaySeconds), TimeSpan.FromHours(RetryPeriodHours));

    /// <summary>
    /// How long a claimed batch stays reserved for its sender: enough for every message of the batch to time
    /// out, plus a minute. A sender that dies leaves its batch to be claimed again after this.
    /// </summary>
    public TimeSpan LeaseFor(SmtpOptions smtp) =>
        TimeSpan.FromSeconds((Math.Ceiling((double)BatchSize / MaxParallelSends) * smtp.TimeoutSeconds) + 60);

    public sealed class Validator : IValidateOptions<EmailOutboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOutboxOptions options)
        {
            var failures = new List<string>();
            Check(failures, options.PollIntervalSeconds is >= 0.01 and <= 3600, nameof(PollIntervalSeconds), "between 0.01 and 3600", options.PollIntervalSeconds);
            Check(failures, options.BatchSize is >= 1 and <= 1000, nameof(BatchSize), "between 1 and 1000", options.BatchSize);
            Check(failures, options.MaxParallelSends is >= 1 and <= 32, nameof(MaxParallelSends), "between 1 and 32", options.MaxParallelSends);
            Check(failures, options.RetryPeriodHours is > 0 and <= 24 * 30, nameof(RetryPeriodHours), "more than 0 and at most 720 (30 days)", options.RetryPeriodHours);
            Check(failures, options.MinRetryDelaySeconds is >= 0.01 and <= 86_400, nameof(MinRetryDelaySeconds), "between 0.01 and 86400 (a day)", options.MinRetryDelaySeconds);
            Check(failures, options.MaxRetryDelaySeconds >= options.MinRetryDelaySeconds && options.MaxRetryDelaySeconds <= 86_400,
                nameof(MaxRetryDelaySeconds), $"at least {Section}:{nameof(MinRetryDelaySeconds)} and at most 86400 (a day)", options.MaxRetryDelaySeconds);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void Check(List<string> failures, bool valid, string setting, string range, object value)
        {
            if (!valid)
            {
                failures.Add(FormattableString.Invariant($"{Section}:{setting} must be {range} (got {value})."));
            }
        }
    }
}
