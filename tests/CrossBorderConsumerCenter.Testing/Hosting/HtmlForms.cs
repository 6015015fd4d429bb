using AngleSharp.Html.Dom;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>What a browser would submit for a form as it stands: the successful controls and their values.</summary>
public static class HtmlForms
{
    public static List<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        break;
                    }

                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.GetAttribute("value") ?? "on"));
                        }

                        break;
                    }

                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }

                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name) && !textArea.IsDisabled:
                    fields.Add(new(textArea.Name, textArea.Value));
                    break;
            }
        }

        return fields;
    }
}
