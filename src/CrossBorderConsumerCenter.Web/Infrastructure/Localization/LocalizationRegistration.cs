using System.Globalization;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Localization;

public static class LocalizationRegistration
{
    public const string CultureCookieName = ".ccc.culture";

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        services.AddSingleton<IConfigureOptions<RequestLocalizationOptions>, ConfigureRequestLocalization>();
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        return services;
    }

    /// <summary>Writes the visitor's language choice into a long-lived cookie.</summary>
    public static void RememberCulture(HttpResponse response, string culture, bool secure) =>
        response.Cookies.Append(
            CultureCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = secure,
                Path = "/",
            });

    /// <summary>Japanese unless the visitor chose otherwise (cookie) or their browser asks for English.</summary>
    private sealed class ConfigureRequestLocalization(IOptions<PortalOptions> portal) : IConfigureOptions<RequestLocalizationOptions>
    {
        public void Configure(RequestLocalizationOptions options)
        {
            options.DefaultRequestCulture = new RequestCulture(portal.Value.DefaultCulture);
            options.SupportedCultures = [.. SupportedCultures.All];
            options.SupportedUICultures = [.. SupportedCultures.All];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = CultureCookieName },
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 },
            ];
        }
    }

    /// <summary>
    /// Model-binding errors (a number that is not a number, a choice that is none of those offered) in the visitor's
    /// language, never naming the field: MVC would name it by its property ("ConsumerCenterId"), and the message already
    /// stands beside its field and links to it from the error summary. Forms are checked by their FluentValidation
    /// validators only: MVC's implicit [Required] on non-nullable strings would add its own English "The Email field is
    /// required." beside the validator's message.
    /// </summary>
    private sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var l = factory.Create(typeof(SharedResource));
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var m = options.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, _) => l["Binding_AttemptedValueIsInvalid", value]);
            m.SetMissingBindRequiredValueAccessor(_ => l["Binding_MissingValue"]);
            m.SetMissingKeyOrValueAccessor(() => l["Binding_MissingKeyOrValue"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding_MissingRequestBody"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Binding_NonPropertyAttemptedValueIsInvalid"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding_NonPropertyUnknownValueIsInvalid"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding_NonPropertyValueMustBeANumber"]);
            m.SetUnknownValueIsInvalidAccessor(_ => l["Binding_UnknownValueIsInvalid"]);
            m.SetValueIsInvalidAccessor(value => l["Binding_ValueIsInvalid"]);
            m.SetValueMustBeANumberAccessor(_ => l["Binding_ValueMustBeANumber"]);
            m.SetValueMustNotBeNullAccessor(value => l["Binding_ValueMustNotBeNull"]);
        }
    }

    /// <summary>Japan time for display; everything is stored in UTC.</summary>
    public static readonly TimeZoneInfo JapanTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Today's date in Japan.</summary>
    public static DateOnly JapanToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapanTime).DateTime);

    public static string FormatJapanTime(DateTimeOffset utc, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTime(utc, JapanTime).ToString(format, CultureInfo.InvariantCulture);
}
