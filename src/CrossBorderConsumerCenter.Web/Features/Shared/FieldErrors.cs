using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrossBorderConsumerCenter.Web.Features;

/// <summary>
/// The error message(s) for one field, referenced by the input's aria-describedby ("{id}-error"); the one writer of that
/// markup (_FieldError.cshtml, which other features' forms use, calls it). The case page asks for it about twenty times per view, nearly always to write nothing; as a
/// partial view each of those was looked up, activated with its injected services and buffered (issue 8).
/// </summary>
public static class FieldErrors
{
    public static IHtmlContent For(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? new Messages(key, [.. entry.Errors.Select(e => e.ErrorMessage)]) : HtmlString.Empty;

    private sealed class Messages(string key, string[] messages) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<span class=\"field__error\" id=\"");
            encoder.Encode(writer, key.Replace('.', '_') + "-error");
            writer.Write("\">");
            foreach (var message in messages)
            {
                writer.Write("<span>");
                encoder.Encode(writer, message);
                writer.Write("</span>");
            }

            writer.Write("</span>");
        }
    }
}
