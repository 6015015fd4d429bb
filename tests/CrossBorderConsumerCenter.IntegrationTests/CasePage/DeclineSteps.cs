using System.Net;
using AngleSharp.Html.Dom;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>Declining as staff do on the case page: the form shows the consumer's email first, then its button declines.</summary>
public static class DeclineSteps
{
    /// <summary>Submits the decline form of <paramref name="page"/> (the preview), then declines with the email it showed.</summary>
    public static async Task<(HtmlPage Preview, HttpResponseMessage Declined)> DeclineAsync(FormClient client, HtmlPage page, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var preview = await PreviewAsync(client, page, values);
        return (preview, await ConfirmAsync(client, preview));
    }

    /// <summary>The page with the preview of the consumer's email.</summary>
    public static async Task<HtmlPage> PreviewAsync(FormClient client, HtmlPage page, IEnumerable<KeyValuePair<string, string?>> values)
    {
        using var response = await client.SubmitAsync(page, "#action-Decline form", values);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the preview, got {(int)response.StatusCode}: {await CasePageFixture.ErrorsAsync(response)}");
        var preview = await HtmlPage.ReadAsync(response);
        Assert.NotNull(preview.Find("[data-decline-preview]"));
        return preview;
    }

    /// <summary>"Send this email and decline": the form as the preview shows it, to the address of that button.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(FormClient client, HtmlPage preview, IEnumerable<KeyValuePair<string, string>>? changes = null)
    {
        var form = (IHtmlFormElement)preview.Find("#action-Decline form")!;
        var button = preview.Find("[data-decline-preview] button[formaction]")!;
        var fields = HtmlForms.CurrentValues(form).Where(f => f.Key != "__RequestVerificationToken").ToList();
        foreach (var (name, value) in changes ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return client.PostAsync(button.GetAttribute("formaction")!, preview, fields);
    }
}
