using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Validation;

public static class ValidationResultExtensions
{
    /// <summary>
    /// Copies FluentValidation's errors into ModelState under each property's name, so the form shows them
    /// beside the fields and in the summary (FluentValidation.AspNetCore does not restore here).
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
