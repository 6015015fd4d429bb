using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Validation;

public static class ValidationResultExtensions
{
    /// <summary>
    /// Copies FluentValidation's errors into ModelState (FluentValidation.AspNetCore does not restore here),
    /// under the names the form's fields carry: <paramref name="prefix"/> + "." + the property path.
    /// </summary>
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
