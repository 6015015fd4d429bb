using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>
/// The errors of a refused form, for the one error summary every form shows (Shared/_ErrorSummary.cshtml): each message
/// links to its field's id (the field's name with dots as underscores), in the order the fields appear on the page when
/// the form says it (<see cref="From"/>'s fieldOrder), otherwise in the order they were found.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<ErrorSummary.Line> Lines)
{
    /// <summary>One message; <paramref name="FieldId"/> is null for an error about the whole form (no link).</summary>
    public sealed record Line(string? FieldId, string Message);

    public static ErrorSummary From(ModelStateDictionary modelState, IReadOnlyList<string>? fieldOrder = null)
    {
        var position = (fieldOrder ?? []).Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.OrdinalIgnoreCase);
        return new([.. modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select((entry, found) => (entry, found))
            .OrderBy(e => position.GetValueOrDefault(e.entry.Key, int.MaxValue))
            .ThenBy(e => e.found)
            .SelectMany(e => e.entry.Value!.Errors.Select(error => new Line(
                string.IsNullOrEmpty(e.entry.Key) ? null : TagBuilder.CreateSanitizedId(e.entry.Key, "_"), error.ErrorMessage)))]);
    }
}
