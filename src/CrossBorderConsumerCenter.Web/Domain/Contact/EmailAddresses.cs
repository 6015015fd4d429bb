using System.Globalization;
using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Contact;

/// <summary>Why we could not reply to an address.</summary>
public enum EmailAddressProblem
{
    None,

    /// <summary>Not an email address at all (no '@', spaces, no domain, characters mail servers refuse).</summary>
    Malformed,

    /// <summary>'.', '-' or '_' as the very first character.</summary>
    SymbolAtStart,

    /// <summary>'.', '-' or '_' just before '@'.</summary>
    SymbolBeforeAt,

    /// <summary>Two or more dots in a row anywhere.</summary>
    ConsecutiveDots,

    /// <summary>
    /// Letters beyond ASCII before '@' (an internationalized address, RFC 6531): only a mail server that offers SMTPUTF8
    /// can deliver to it, so it is accepted only where the center's mail server is known to.
    /// </summary>
    InternationalLocalPart,
}

/// <summary>
/// Whether the center can reply to an address (the ward's rules for online consultations): addresses with '.', '-' or '_' at the very
/// start or just before '@', or with two or more dots in a row, cannot be replied to (many mobile
/// carrier addresses made before the carriers enforced the standard look like that), so they are
/// refused with a reason. Otherwise the address must be a plain dot-atom address with a real domain.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;
    private const string SeedSymbols = ".-_";
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~.";

    private static readonly IdnMapping Idn = new();

    public static string Normalize(string? input) => TextInput.Narrow(input);

    /// <param name="address">The address, normalized (<see cref="Normalize"/>).</param>
    /// <param name="internationalAccepted">Whether an address with letters beyond ASCII before '@' can be replied to.</param>
    public static EmailAddressProblem Check(string? address, bool internationalAccepted = false)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength || address.Count(c => c == '@') != 1)
        {
            return EmailAddressProblem.Malformed;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length == 0 || domain.Length == 0)
        {
            return EmailAddressProblem.Malformed;
        }

        // The seed's rules first: their messages say exactly what to change.
        if (SeedSymbols.Contains(local[0], StringComparison.Ordinal))
        {
            return EmailAddressProblem.SymbolAtStart;
        }

        if (SeedSymbols.Contains(local[^1], StringComparison.Ordinal))
        {
            return EmailAddressProblem.SymbolBeforeAt;
        }

        if (address.Contains("..", StringComparison.Ordinal))
        {
            return EmailAddressProblem.ConsecutiveDots;
        }

        if (!IsDotAtom(local) || !IsDomain(domain))
        {
            return EmailAddressProblem.Malformed;
        }

        return internationalAccepted || Ascii.IsValid(local) ? EmailAddressProblem.None : EmailAddressProblem.InternationalLocalPart;
    }

    /// <summary>A dot-atom of ASCII letters, digits and symbols, or letters beyond ASCII (RFC 6531's UTF8-non-ascii), at most 64 bytes in UTF-8.</summary>
    private static bool IsDotAtom(string local) =>
        Encoding.UTF8.GetByteCount(local) <= MaxLocalPartLength
        && local.All(c => char.IsAsciiLetterOrDigit(c) || AtextSymbols.Contains(c, StringComparison.Ordinal) || IsNonAsciiLetter(c));

    private static bool IsNonAsciiLetter(char c) =>
        !char.IsAscii(c) && !char.IsControl(c) && !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    private static bool IsDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = domain.All(char.IsAscii) ? domain : Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return labels.Length >= 2
            && labels.All(label => label.Length is >= 1 and <= 63
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && label[0] != '-' && label[^1] != '-')
            && !labels[^1].All(char.IsAsciiDigit);
    }
}
