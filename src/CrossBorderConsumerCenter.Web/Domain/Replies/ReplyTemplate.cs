using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.Web.Domain.Replies;

/// <summary>What an admin writes for a reply template: its name, the action it is for, its Japanese and English text.</summary>
public sealed record ReplyTemplateDetails(string Name, CaseAction Action, string JapaneseText, string EnglishText);

/// <summary>
/// A text staff start a message to the consumer from: for one of the case actions that write to the consumer, in
/// Japanese and English (the consumer's language picks one), with placeholders the case fills
/// (<see cref="ReplyPlaceholders"/>). Staff edit it before sending. Admins keep the list; a template no longer wanted is
/// made inactive, never deleted.
/// </summary>
public sealed class ReplyTemplate
{
    public const int MaxNameLength = 100;

    /// <summary>A template is a starting point, shorter than the messages it starts (CaseEvent.MaxTextLength).</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>The actions whose message a template can start: each one writes to the consumer.</summary>
    public static readonly IReadOnlyList<CaseAction> Actions = [CaseAction.RequestInformation, CaseAction.NotifyConsumer, CaseAction.Decline, CaseAction.Close];

    private ReplyTemplate()
    {
    }

    public ReplyTemplate(ReplyTemplateDetails details, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CreatedAt = now;
        IsActive = true;
        Update(details, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public CaseAction Action { get; private set; }
    public string JapaneseText { get; private set; } = "";
    public string EnglishText { get; private set; } = "";

    /// <summary>Only active templates are offered on the case page.</summary>
    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: two admins editing at once never overwrite each other.</summary>
    public uint Version { get; private set; }

    public ReplyTemplateDetails Details() => new(Name, Action, JapaneseText, EnglishText);

    /// <summary>The text in a language ("ja" or "en").</summary>
    public string TextIn(string language) => Languages.IsJapanese(language) ? JapaneseText : EnglishText;

    public void Update(ReplyTemplateDetails details, DateTimeOffset now)
    {
        if (Problems(details).Count > 0)
        {
            throw new ArgumentException("A reply template needs a name, an action that writes to the consumer, and both texts with known placeholders only.", nameof(details));
        }

        Name = details.Name.Trim();
        Action = details.Action;
        JapaneseText = Normalize(details.JapaneseText);
        EnglishText = Normalize(details.EnglishText);
        UpdatedAt = now;
    }

    public void SetActive(bool active, DateTimeOffset now)
    {
        IsActive = active;
        UpdatedAt = now;
    }

    /// <summary>What is wrong with the details (none: they can be saved).</summary>
    public static IReadOnlyList<ReplyTemplateProblem> Problems(ReplyTemplateDetails details)
    {
        List<ReplyTemplateProblem> problems = [];
        if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > MaxNameLength || TextInput.HasControlCharacters(details.Name))
        {
            problems.Add(ReplyTemplateProblem.Name);
        }

        if (!Actions.Contains(details.Action))
        {
            problems.Add(ReplyTemplateProblem.Action);
        }

        if (!IsText(details.JapaneseText))
        {
            problems.Add(ReplyTemplateProblem.JapaneseText);
        }

        if (!IsText(details.EnglishText))
        {
            problems.Add(ReplyTemplateProblem.EnglishText);
        }

        return problems;
    }

    // Multi-line text: tabs and line breaks allowed (TextInput.HasControlCharacters allows them), everything else checked.
    private static bool IsText(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Normalize(text).Length <= MaxTextLength && !TextInput.HasControlCharacters(text) && ReplyPlaceholders.Unknown(text).Count == 0;

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public enum ReplyTemplateProblem
{
    Name,
    Action,
    JapaneseText,
    EnglishText,
}
