using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Clocks;

/// <summary>The case clocks' worker (section "Clocks"): whether it runs in this instance, how often, how many cases a pass takes at once.</summary>
public sealed class ClocksOptions
{
    public const string Section = "Clocks";

    /// <summary>Run the worker in this process. Every instance may run it: passes never act on a case twice.</summary>
    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 60;

    /// <summary>Cases claimed per transaction (a pass repeats until none are due).</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public sealed class Validator : IValidateOptions<ClocksOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClocksOptions options)
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
