namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>A radio group on a counselor's page (see _Choices.cshtml).</summary>
public sealed record ChoiceGroup(string Name, string Legend, string? Hint, string? Value, IReadOnlyList<(string Value, string Label)> Options);

/// <summary>A checkbox on a counselor's page (see _Check.cshtml).</summary>
public sealed record CheckBox(string Name, string Label, bool Checked);
