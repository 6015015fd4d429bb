using System.Collections.Concurrent;
using System.Globalization;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Localization;

/// <summary>
/// Resource strings, looked up once per culture and key and then served from memory. Every page reads dozens
/// of strings, and <see cref="System.Resources.ResourceManager"/> takes a lock for each lookup; under load the
/// threads queued on it (measured in docs/performance.md). The texts never change while the process runs.
/// Each string is served with the center's contact details filled in (<c>{center.email}</c> and the others, see
/// <see cref="CenterContactOptions"/>), before any format arguments, so that every page and email that tells people
/// how to reach the center names the addresses this deployment holds.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources, IOptions<CenterContactOptions> center) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource.AssemblyQualifiedName ?? resourceSource.Name, ""), static (_, arg) => new Cached(arg.resources.Create(arg.resourceSource), arg.center), (resources, resourceSource, center: center.Value));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((baseName, location), static (key, arg) => new Cached(arg.resources.Create(key.BaseName, key.Location), arg.center), (resources, center: center.Value));

    private sealed class Cached(IStringLocalizer inner, CenterContactOptions center) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

        public LocalizedString this[string name] =>
            _strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, self) => self.Filled(self.Inner[key.Name]), this);

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

        private IStringLocalizer Inner => inner;

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Filled);

        private LocalizedString Filled(LocalizedString text) =>
            text.ResourceNotFound
                ? text
                : new LocalizedString(text.Name, center.FillPlaceholders(text.Value, CultureInfo.CurrentUICulture), false, text.SearchedLocation);
    }
}
