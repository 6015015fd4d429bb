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

    /// <summary>
    /// Wrong second-factor codes for one account within <see cref="SignInFailureWindowMinutes"/>, from all clients together, after
    /// which codes for that account are refused unchecked until the window ends. Only someone who knew the password can cause
    /// this (a stranger cannot reach the code step); it stops a password holder from trying codes from many addresses.
    /// </summary>
    public int SecondFactorFailuresPerAccount { get; set; } = 10;

    /// <summary>Every account signs in with a second factor, not only supervisors and admins (who always do).</summary>
    public bool RequireTwoFactorForEveryone { get; set; }

    public sealed class Validator : IValidateOptions<AccountSecurityOptions>
    {
        public ValidateOptionsResult Validate(string? name, AccountSecurityOptions options)
        {
            var failures = new List<string>();
            Check(options.SessionHours, 1, 168, nameof(SessionHours));
            Check(options.SignInAttemptsPerMinute, 1, 10_000, nameof(SignInAttemptsPerMinute));
            Check(options.SignInFailuresPerClientAndAccount, 1, 1_000, nameof(SignInFailuresPerClientAndAccount));
            Check(options.SignInFailureWindowMinutes, 1, 1_440, nameof(SignInFailureWindowMinutes));
            Check(options.SecondFactorFailuresPerAccount, 1, 1_000, nameof(SecondFactorFailuresPerAccount));
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
