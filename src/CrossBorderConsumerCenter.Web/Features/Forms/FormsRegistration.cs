using FluentValidation;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

public static class FormsRegistration
{
    /// <summary>
    /// The forms kernel: the choice lists, and every form's validator in the app, found by FluentValidation's DI
    /// extensions (ADR 0022). Validators are stateless, so each is built once for the app's lifetime. Every page's input is
    /// refused when it holds a NUL or a broken character (<see cref="WellFormedInputFilter"/>).
    /// </summary>
    public static IServiceCollection AddForms(this IServiceCollection services) => services
        .Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.Filters.Add(new WellFormedInputFilter()))
        .AddSingleton<ChoiceLists>()
        .AddValidatorsFromAssemblyContaining<ChoiceLists>(ServiceLifetime.Singleton);
}
