using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>Sessions, sign-in limits and two-factor sign-in (section "Accounts"; docs/operations.md).</summary>
public sealed class AccountSecurityOptions
{
    public const string Section = "Accounts";

    /// <summary>A session ends this many hours after signing in, however active it is (the cookie also ends after 8 idle hours).</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>Sign-in attempts one client address may make per minute (all accounts together); more answer 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>
    /// Failed passwords for one account from one client address within <see cref="SignInFailureWindowMinutes"/>, after which that
    /// client's further attempts for that account fail without being checked. Other clients, the owner's among them, are not affected.
    /// </summary>
    public int SignInFailuresPerClientAndAccount { get; set; } = 5;

    public int SignInFailureWindowMinutes { get; set; } = 15;

    public sealed class Validator : IValidateOptions<AccountSecurityOptions>
    {
        public ValidateOptionsResult Validate(string? name, AccountSecurityOptions options)
        {
            var failures = new List<string>();
            Check(options.SessionHours, 1, 168, nameof(SessionHours));
            Check(options.SignInAttemptsPerMinute, 1, 10_000, nameof(SignInAttemptsPerMinute));
            Check(options.SignInFailuresPerClientAndAccount, 1, 1_000, nameof(SignInFailuresPerClientAndAccount));
            Check(options.SignInFailureWindowMinutes, 1, 1_440, nameof(SignInFailureWindowMinutes));
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

            void Check(int value, int min, int max, string setting)
            {
                if (value < min || value > max)
                {
                    failures.Add($"{Section}:{setting} must be between {min} and {max} (got {value}).");
                }
            }
        }
    }
}
