using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Replies to the center's case emails (section "InboundMail"). With a ReplyAddress, every case email carries a
/// Reply-To that names its case and who it was written to, signed with ReplyTokenKey, and its texts invite a reply;
/// without one, replies are not read, so nothing invites them. See docs/operations.md.
/// </summary>
public sealed class InboundMailOptions
{
    public const string Section = "InboundMail";

    /// <summary>The shortest key accepted, in bytes: as long as HMAC-SHA256's output.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The longest part before '@' of ReplyAddress: a reply address adds '+', the case (32 characters), the party (1)
    /// and the signature (12) to it, and mail servers need the part before '@' to stay within 64 characters.
    /// </summary>
    public const int MaxLocalPartLength = 64 - 46;

    /// <summary>
    /// The mailbox the portal reads replies from, for example cases@center.example (the server must deliver
    /// cases+anything@center.example to it). Empty: replies are not read.
    /// </summary>
    public string ReplyAddress { get; set; } = "";

    /// <summary>The secret that signs reply addresses: base64, at least 32 bytes (openssl rand -base64 32). Required with ReplyAddress.</summary>
    public string ReplyTokenKey { get; set; } = "";

    public bool RepliesAreRead => !string.IsNullOrWhiteSpace(ReplyAddress);

    /// <summary>The key's bytes, or null when the key is not valid base64.</summary>
    public byte[]? KeyBytes()
    {
        try
        {
            return Convert.FromBase64String(ReplyTokenKey.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <param name="configuration">Read for the mailbox settings: emails invite a reply only if a mailbox is read.</param>
    public sealed class Validator(IConfiguration configuration) : IValidateOptions<InboundMailOptions>
    {
        public ValidateOptionsResult Validate(string? name, InboundMailOptions options)
        {
            var failures = new List<string>();
            if (options.RepliesAreRead && !configuration.GetValue<bool>("Imap:Enabled") && string.IsNullOrWhiteSpace(configuration["Imap:PickupDirectory"]))
            {
                // The case emails would invite replies that nothing reads.
                failures.Add($"{Section}:ReplyAddress is set, so case emails invite replies by email, but no mailbox is read: set Imap:Enabled (or Imap:PickupDirectory in development), or leave {Section}:ReplyAddress empty.");
            }

            if (options.RepliesAreRead)
            {
                var address = options.ReplyAddress.Trim();
                var at = address.LastIndexOf('@');
                if (!MailAddresses.IsValid(address) || at < 1)
                {
                    failures.Add($"{Section}:ReplyAddress must be an email address, for example cases@center.example (got '{options.ReplyAddress}').");
                }
                else if (address[..at].Contains('+', StringComparison.Ordinal))
                {
                    failures.Add($"{Section}:ReplyAddress must not contain '+' before '@': the portal adds '+' and the case to it (got '{options.ReplyAddress}').");
                }
                else if (at > MaxLocalPartLength)
                {
                    failures.Add($"{Section}:ReplyAddress may have at most {MaxLocalPartLength} characters before '@', so that reply addresses stay within 64 (got '{options.ReplyAddress}').");
                }

                if (string.IsNullOrWhiteSpace(options.ReplyTokenKey))
                {
                    failures.Add($"{Section}:ReplyTokenKey must be set when {Section}:ReplyAddress is: a base64 secret of at least {MinimumKeyBytes} bytes (openssl rand -base64 32).");
                }
            }

            if (!string.IsNullOrWhiteSpace(options.ReplyTokenKey))
            {
                // The message never repeats the key: it is a secret.
                var key = options.KeyBytes();
                if (key is null)
                {
                    failures.Add($"{Section}:ReplyTokenKey must be base64 (openssl rand -base64 32).");
                }
                else if (key.Length < MinimumKeyBytes)
                {
                    failures.Add($"{Section}:ReplyTokenKey must be at least {MinimumKeyBytes} bytes once decoded (got {key.Length}); make one with openssl rand -base64 32.");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
