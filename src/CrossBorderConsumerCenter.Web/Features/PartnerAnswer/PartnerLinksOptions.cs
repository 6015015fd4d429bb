using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

/// <summary>The partner agencies' answer links (section "PartnerLinks"): how long a link works, and how often one address may use the pages.</summary>
public sealed class PartnerLinksOptions
{
    public const string Section = "PartnerLinks";

    /// <summary>Days a forward's answer link works (an agency may take weeks, and follow up).</summary>
    public int ValidForDays { get; set; } = 120;

    /// <summary>Requests to the answer pages per client address per minute; more are refused with 429 (guessing links is pointless anyway).</summary>
    public int RequestsPerMinute { get; set; } = 20;

    public TimeSpan ValidFor => TimeSpan.FromDays(ValidForDays);

    public sealed class Validator : IValidateOptions<PartnerLinksOptions>
    {
        public ValidateOptionsResult Validate(string? name, PartnerLinksOptions options)
        {
            var failures = new List<string>();
            if (options.ValidForDays is < 1 or > 730)
            {
                failures.Add(FormattableString.Invariant($"{Section}:{nameof(ValidForDays)} must be between 1 and 730 (got {options.ValidForDays})."));
            }

            if (options.RequestsPerMinute is < 1 or > 10_000)
            {
                failures.Add(FormattableString.Invariant($"{Section}:{nameof(RequestsPerMinute)} must be between 1 and 10000 (got {options.RequestsPerMinute})."));
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
