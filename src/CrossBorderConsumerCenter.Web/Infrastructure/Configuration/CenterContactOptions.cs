using System.Globalization;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Who runs the service and how the public reaches it (section "Center"): the operator, the commissioning body, the
/// center's email address, fax number, postal address and phone, and office hours. Every page or email that tells
/// people to write, fax or call reads them here, so that no page names an address the center does not hold: texts
/// (resources and the markdown pages) carry placeholders such as <c>{center.email}</c>, filled by
/// <see cref="FillPlaceholders"/> in the reader's language.
/// The phone is for questions about the service: the center takes no cases by phone (cases come by the form or by fax).
/// The defaults are the center's published details (its web page), except the email address, which a deployment sets:
/// outside Development and Testing an address at a domain reserved for tests and examples is refused (docs/operations.md).
/// </summary>
public sealed partial class CenterContactOptions
{
    public const string Section = "Center";

    /// <summary>The name of the center, as the public knows it.</summary>
    public LocalizedSetting Name { get; set; } = new() { Ja = "越境消費者センター", En = "Cross-Border Consumer Center Japan" };

    /// <summary>Who runs the service day to day (the secretariat and the company it sits in).</summary>
    public LocalizedSetting Operator { get; set; } = new()
    {
        Ja = "越境消費者センター運営事務局(SBIベリトランス株式会社内)",
        En = "the secretariat of the Cross-Border Consumer Center Japan (at SBI Veritrans Co., Ltd.)",
    };

    /// <summary>The public body that commissions the service.</summary>
    public LocalizedSetting CommissionedBy { get; set; } = new() { Ja = "消費者庁", En = "the Consumer Affairs Agency, Government of Japan" };

    /// <summary>
    /// The center's email address: delivered to the mailbox the portal reads (Imap), so that a message written to it
    /// is stored and reaches staff (its case, or /staff/mail). The default is a development address.
    /// </summary>
    public string Email { get; set; } = "consult@ccj.localhost";

    /// <summary>The fax number cases may be sent to (as printed in Japan, for example 03-6230-0362).</summary>
    public string Fax { get; set; } = "03-6230-0362";

    /// <summary>The phone number for questions about the service (no cases are taken by phone).</summary>
    public string Phone { get; set; } = "03-6229-0850";

    /// <summary>Postal code, seven digits with a hyphen (106-6028).</summary>
    public string PostalCode { get; set; } = "106-6028";

    /// <summary>The postal address after the postal code.</summary>
    public LocalizedSetting Address { get; set; } = new()
    {
        Ja = "東京都港区六本木1-6-1 泉ガーデンタワー28階 SBIベリトランス株式会社内 越境消費者センター事務局",
        En = "Izumi Garden Tower 28F (SBI Veritrans Co., Ltd.), 1-6-1 Roppongi, Minato-ku, Tokyo",
    };

    /// <summary>When staff work (and the phone is answered), in words.</summary>
    public LocalizedSetting OfficeHours { get; set; } = new()
    {
        Ja = "平日 9:00〜17:45(土日祝日・年末年始を除く)",
        En = "Weekdays 9:00–17:45 Japan time (closed on weekends, national holidays and over the New Year)",
    };

    /// <summary>The names a text may use, as <c>{center.name}</c>: each setting above, and the phone as a tel: address.</summary>
    public static IReadOnlyList<string> PlaceholderNames { get; } =
        ["name", "operator", "commissionedBy", "email", "fax", "phone", "phoneUri", "postalCode", "address", "officeHours"];

    /// <summary>The phone number as a tel: link carries it, in the international form: 03-6229-0850 → tel:+81-3-6229-0850.</summary>
    public string PhoneUri => "tel:+81-" + Phone.TrimStart('0');

    /// <summary>The value a placeholder stands for, in <paramref name="culture"/>'s language; null for an unknown name.</summary>
    public string? ValueOf(string placeholder, CultureInfo culture) => placeholder switch
    {
        "name" => Name.In(culture),
        "operator" => Operator.In(culture),
        "commissionedBy" => CommissionedBy.In(culture),
        "email" => Email,
        "fax" => Fax,
        "phone" => Phone,
        "phoneUri" => PhoneUri,
        "postalCode" => PostalCode,
        "address" => Address.In(culture),
        "officeHours" => OfficeHours.In(culture),
        _ => null,
    };

    /// <summary>
    /// <paramref name="text"/> with every <c>{center.x}</c> replaced by the setting in <paramref name="culture"/>'s language,
    /// each value passed through <paramref name="encode"/> (markdown escapes it, say). An unknown name is a mistake in
    /// the text, never shown to the public: it throws.
    /// </summary>
    public string FillPlaceholders(string text, CultureInfo culture, Func<string, string>? encode = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("{center.", StringComparison.Ordinal))
        {
            return text;
        }

        return Placeholder().Replace(text, match => ValueOf(match.Groups[1].Value, culture) is { } value
            ? encode is null ? value : encode(value)
            : throw new InvalidOperationException($"Unknown placeholder {match.Value}: the texts may use {string.Join(", ", PlaceholderNames.Select(n => "{center." + n + "}"))}."));
    }

    /// <summary>Any <c>{center.…}</c>, known or not, so that a misspelt one is found rather than shown.</summary>
    [GeneratedRegex(@"\{center\.([^{}\s]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>A text setting in Japanese and English.</summary>
    public sealed class LocalizedSetting
    {
        public string Ja { get; set; } = "";

        public string En { get; set; } = "";

        /// <summary>The text in <paramref name="culture"/>'s language (Japanese unless it is English).</summary>
        public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? En : Ja;

        /// <summary>The text in the current UI language.</summary>
        public override string ToString() => In(CultureInfo.CurrentUICulture);
    }

    /// <param name="environment">Outside Development and Testing the email address must be one the public can write to.</param>
    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<CenterContactOptions>
    {
        /// <summary>The longest text setting: these are names and addresses, shown in the footer of every page.</summary>
        public const int MaxTextLength = 200;

        /// <summary>Top-level domains reserved for tests, examples and local networks (RFC 2606, RFC 6761, RFC 6762).</summary>
        private static readonly string[] ReservedTopLevelDomains = ["test", "example", "invalid", "localhost", "local"];

        /// <summary>Second-level domains reserved for documentation (RFC 2606).</summary>
        private static readonly string[] ReservedDomains = ["example.com", "example.net", "example.org"];

        public ValidateOptionsResult Validate(string? name, CenterContactOptions options)
        {
            var failures = new List<string>();
            foreach (var (key, setting) in new[]
            {
                ("Name", options.Name), ("Operator", options.Operator), ("CommissionedBy", options.CommissionedBy),
                ("Address", options.Address), ("OfficeHours", options.OfficeHours),
            })
            {
                if (string.IsNullOrWhiteSpace(setting.Ja) || string.IsNullOrWhiteSpace(setting.En))
                {
                    failures.Add($"{Section}:{key}:Ja and {Section}:{key}:En must both be set.");
                }

                foreach (var (language, text) in new[] { ("Ja", setting.Ja), ("En", setting.En) })
                {
                    if (text.Length > MaxTextLength || text.Contains('\n', StringComparison.Ordinal) || text.Contains('{', StringComparison.Ordinal) || text.Contains('}', StringComparison.Ordinal))
                    {
                        failures.Add($"{Section}:{key}:{language} must be one line of at most {MaxTextLength} characters, without braces.");
                    }
                }
            }

            if (!MailAddresses.IsValid(options.Email) || options.Email != options.Email.Trim())
            {
                failures.Add($"{Section}:Email must be one email address, the mailbox the portal reads (got '{options.Email}').");
            }
            else if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing") && IsReserved(MailAddresses.DomainOf(options.Email, "")))
            {
                failures.Add($"{Section}:Email must be set to the center's own address, the mailbox the portal reads: every page gives it to the public ('{options.Email}' is at a domain reserved for tests and examples).");
            }

            foreach (var (key, number) in new[] { ("Fax", options.Fax), ("Phone", options.Phone) })
            {
                if (!IsJapanesePhoneNumber(number))
                {
                    failures.Add($"{Section}:{key} must be a Japanese number with hyphens, for example 03-6230-0362 (got '{number}').");
                }
            }

            if (options.Fax == options.Phone && IsJapanesePhoneNumber(options.Fax))
            {
                failures.Add($"{Section}:Fax and {Section}:Phone must differ: the fax takes cases, the phone answers questions.");
            }

            if (options.PostalCode.Length != 8 || options.PostalCode[3] != '-' || !options.PostalCode.Where((c, i) => i != 3).All(char.IsAsciiDigit))
            {
                failures.Add($"{Section}:PostalCode must be seven digits with a hyphen, for example 106-6028 (got '{options.PostalCode}').");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static bool IsReserved(string domain)
        {
            var lower = domain.ToLowerInvariant().TrimEnd('.');
            var topLevel = lower[(lower.LastIndexOf('.') + 1)..];
            return ReservedTopLevelDomains.Contains(topLevel)
                || ReservedDomains.Any(reserved => lower == reserved || lower.EndsWith("." + reserved, StringComparison.Ordinal));
        }

        private static bool IsJapanesePhoneNumber(string number) =>
            number.StartsWith('0')
            && number.All(c => char.IsAsciiDigit(c) || c == '-')
            && number.Count(char.IsAsciiDigit) is 10 or 11
            && !number.Contains("--", StringComparison.Ordinal)
            && !number.EndsWith('-');
    }
}
