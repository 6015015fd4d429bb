namespace CrossBorderConsumerCenter.Baseline;

/// <summary>The home page's counterpart: a static page of about the portal's size, for the cost of serving HTML with nothing else.</summary>
internal static class Home
{
    private static readonly string Page =
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>越境消費者センター</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main>" +
        string.Concat(Enumerable.Repeat(
            "<section><h2>ご相談の前に</h2><p>海外の事業者との取引でトラブルにあった消費者のご相談を受け付けています。まず事業者に直接お問い合わせください。" +
            "それでも解決しない場合は、相談フォームからご相談ください。提携機関を通じて、事業者に対応を促します。</p></section>\n", 21)) +
        "<p><a href=\"/complaint/consent\">相談する</a></p></main></body></html>";

    public static async Task PageAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page);
    }
}
