using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// The processor of stored inbound mail (section "Email:Inbound"): whether this process runs it, and how long it
/// waits between looks when no new message wakes it. See docs/operations.md.
/// </summary>
public sealed class InboundProcessingOptions
{
    public const string Section = "Email:Inbound";

    /// <summary>Run the processor in this process. Every instance may run it (each message is claimed by one); tests turn it on when they need it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest wait between looks for due messages (a stored message wakes the processor at once; retries are found by this).</summary>
    public double PollIntervalSeconds { get; set; } = 30;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    public sealed class Validator : IValidateOptions<InboundProcessingOptions>
    {
        public ValidateOptionsResult Validate(string? name, InboundProcessingOptions options) =>
            options.PollIntervalSeconds is >= 0.05 and <= 3600
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:PollIntervalSeconds must be between 0.05 and 3600 (it is {options.PollIntervalSeconds}).");
    }
}
