using System.Globalization;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>
/// Reads resources in a language other than the page's: a forward in the agency's language, a message pre-filled in
/// the consumer's, whatever language the staff member reads the back office in.
/// </summary>
public static class InLanguage
{
    public static T Read<T>(string language, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
