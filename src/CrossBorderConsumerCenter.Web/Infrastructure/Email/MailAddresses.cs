using System.Diagnostics.CodeAnalysis;
using CrossBorderConsumerCenter.Web.Data.Email;
using MimeKit;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>Whether a string is one address the mail library can write (local@domain, no display name), and its parts.</summary>
public static class MailAddresses
{
    public static bool IsValid(string? address) => TryParse(address, out _);

    /// <summary>The domain of <paramref name="address"/>, or <paramref name="fallback"/> when it is not a valid address.</summary>
    public static string DomainOf(string? address, string fallback) => TryParse(address, out var mailbox) ? mailbox.Domain : fallback;

    private static bool TryParse(string? address, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        return !string.IsNullOrWhiteSpace(address)
            && address.Length <= OutboundEmail.MaxAddressLength
            && MailboxAddress.TryParse(address, out mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.LocalPart.Length > 0
            && mailbox.Domain.Length > 0
            && string.Equals(mailbox.Address, address.Trim(), StringComparison.Ordinal);
    }
}
