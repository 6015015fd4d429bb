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
        ArgumentNullException.ThrowIfNull(modelState);
        var order = fieldOrder ?? [];
        var position = order.Select((name, index) => (name, index)).GroupBy(p => p.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
        // A field bound under a prefix (a case page action's "AddNote.Text") is found by the end of its path in the model.
        int PositionOf(string key) => position.TryGetValue(key, out var at) ? at
            : order.Select((name, index) => (name, index)).FirstOrDefault(p => p.name.EndsWith("." + key, StringComparison.OrdinalIgnoreCase), (name: "", index: int.MaxValue)).index;

        // ModelState enumerates its keys as a tree, not in the order they were added: a page's own order or its model's.
        return new([.. modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select((entry, found) => (entry, found))
            .OrderBy(e => PositionOf(e.entry.Key))
            .ThenBy(e => e.found)
            .SelectMany(e => e.entry.Value!.Errors.Select(error => new Line(
                string.IsNullOrEmpty(e.entry.Key) ? null : TagBuilder.CreateSanitizedId(e.entry.Key, "_"), error.ErrorMessage)))]);
    }

    /// <summary>
    /// The fields of a page's model in the order its class declares them, nested forms by their dotted path
    /// ("Form.Consumer.Name"): the order a page without its own list writes its fields in.
    /// </summary>
    public static IReadOnlyList<string> FieldsOf(Type? modelType) =>
        modelType is null ? [] : FieldOrders.GetOrAdd(modelType, type => [.. PathsOf(type, "", 0)]);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<string>> FieldOrders = new();

    private static IEnumerable<string> PathsOf(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.MetadataToken))
        {
            var path = prefix + property.Name;
            yield return path;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (depth < 3 && propertyType.IsClass && propertyType != typeof(string) && propertyType.Assembly == typeof(ErrorSummary).Assembly
                && !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                foreach (var nested in PathsOf(propertyType, path + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }
}
