using Microsoft.AspNetCore.Mvc.Razor;

namespace CrossBorderConsumerCenter.Web.Infrastructure;

/// <summary>Views live beside their controller: /Features/{controller}/{view}.cshtml, shared ones in /Features/Shared.</summary>
public static class FeatureFolders
{
    public static void Use(RazorViewEngineOptions options)
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    }
}
