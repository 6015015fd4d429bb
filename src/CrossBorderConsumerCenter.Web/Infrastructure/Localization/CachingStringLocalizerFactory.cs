using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Localization;

/// <summary>
/// Resource strings, looked up once per culture and key and then served from memory. Every page reads dozens
/// of strings, and <see cref="System.Resources.ResourceManager"/> takes a lock for each lookup; under load the
/// threads queued on it (measured in docs/performance.md). The texts never change while the process runs.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource.AssemblyQualifiedName ?? resourceSource.Name, ""), static (_, arg) => new Cached(arg.resources.Create(arg.resourceSource)), (resources, resourceSource));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((baseName, location), static (key, resources) => new Cached(resources.Create(key.BaseName, key.Location)), resources);

    private sealed class Cached(IStringLocalizer inner) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

        public LocalizedString this[string name] =>
            _strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, inner) => inner[key.Name], inner);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return format.ResourceNotFound
                    ? inner[name, arguments]
                    : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), false, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
