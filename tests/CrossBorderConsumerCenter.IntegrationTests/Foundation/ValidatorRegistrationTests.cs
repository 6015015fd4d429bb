using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>
/// Every form's validator is registered once for the app's lifetime (ADR 0022). A validator built while one request
/// speaks Japanese must still answer the next one in English: its messages are looked up when a rule fails, never
/// when the validator is built.
/// </summary>
public partial class ValidatorRegistrationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    public static TheoryData<string> ValidatorTypes() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && (t.IsPublic || t.IsNestedPublic))
            .Where(t => FormTypeOf(t) is not null)
            .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(ValidatorTypes))]
    public void EachValidatorIsOneInstanceForTheAppAndSpeaksTheLanguageOfEachRequest(string typeName)
    {
        var type = typeof(Program).Assembly.GetType(typeName)!;
        var formType = FormTypeOf(type)!;

        var first = InCulture("ja", () => portal.Factory.Services.GetRequiredService(type));
        Assert.Same(first, portal.Factory.Services.GetRequiredService(type));

        // An empty form fails most rules; in English, none of their messages may be Japanese.
        var form = Activator.CreateInstance(formType)!;
        var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(formType), form)!;
        var result = InCulture("en", () => ((IValidator)first).Validate(context));
        Assert.All(result.Errors, e => Assert.False(Japanese().IsMatch(e.ErrorMessage), $"{e.PropertyName}: {e.ErrorMessage}"));
    }

    private static Type? FormTypeOf(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)) is { } validator
        && validator.GetGenericArguments()[0] is { IsInterface: false, IsAbstract: false } form && form.GetConstructor(Type.EmptyTypes) is not null
            ? form
            : null;

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
