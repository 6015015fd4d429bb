using System.Globalization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Who runs the service and how the public reaches it (section "Center"): the operator, the commissioning body, the
/// center's email address, fax number, postal address and phone, and office hours. Every page or email that tells
/// people to write, fax or call reads them here, so that no page names an address the center does not hold.
/// The phone is for questions about the service: the center takes no cases by phone (cases come by the form or by fax).
/// The defaults are the center's published details (its web page), for development; a deployment sets its own.
/// </summary>
public sealed class CenterContactOptions
{
    public const string Section = "Center";

    /// <summary>The name of the center, as the public knows it.</summary>
    public LocalizedSetting Name { get; set; } = new() { Ja = "越境消費者センター", En = "Cross-Border Consumer Center Japan" };

    /// <summary>Who runs the service day to day (the secretariat and the company it sits in).</summary>
    public LocalizedSetting Operator { get; set; } = new()
    {
        Ja = "越境消費者センター運営事務局(SBIベリトランス株式会社内)",
        En = "The secretariat of the Cross-Border Consumer Center Japan (at SBI Veritrans Co., Ltd.)",
    };

    /// <summary>The public body that commissions the service.</summary>
    public LocalizedSetting CommissionedBy { get; set; } = new() { Ja = "消費者庁", En = "the Consumer Affairs Agency, Government of Japan" };

    /// <summary>The center's email address: the mailbox the portal reads, so a message written to it reaches staff.</summary>
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
        En = "weekdays 9:00 to 17:45 Japan time (closed on weekends, national holidays and over the New Year)",
    };

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

    public sealed class Validator : IValidateOptions<CenterContactOptions>
    {
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
            }

            if (!System.Net.Mail.MailAddress.TryCreate(options.Email, out var address) || address.Address != options.Email)
            {
                failures.Add($"{Section}:Email must be one email address, the mailbox the portal reads (got '{options.Email}').");
            }

            foreach (var (key, number) in new[] { ("Fax", options.Fax), ("Phone", options.Phone) })
            {
                if (!IsJapanesePhoneNumber(number))
                {
                    failures.Add($"{Section}:{key} must be a Japanese number with hyphens, for example 03-6230-0362 (got '{number}').");
                }
            }

            if (options.PostalCode.Length != 8 || options.PostalCode[3] != '-' || !options.PostalCode.Where((c, i) => i != 3).All(char.IsAsciiDigit))
            {
                failures.Add($"{Section}:PostalCode must be seven digits with a hyphen, for example 106-6028 (got '{options.PostalCode}').");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static bool IsJapanesePhoneNumber(string number) =>
            number.StartsWith('0')
            && number.All(c => char.IsAsciiDigit(c) || c == '-')
            && number.Count(char.IsAsciiDigit) is 10 or 11
            && !number.Contains("--", StringComparison.Ordinal)
            && !number.EndsWith('-');
    }
}
