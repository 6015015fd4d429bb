using System.Globalization;
using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Forms;
using Microsoft.AspNetCore.Html;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// The free slots as one field named <c>Slot</c> (the error summary links to it): a fieldset per day, the day as its
/// legend, and a radio per start time whose value is <see cref="ConsultationSlot.Value"/>. Days and times are written in
/// the reader's language and Japan time.
/// </summary>
public static class SlotChoices
{
    public const string FieldName = "Slot";

    /// <summary>The field, with <paramref name="selected"/> checked when it is still offered.</summary>
    public static FieldGroup Field(IReadOnlyList<ConsultationSlot> slots, string? selected, string legend, string hint, TimeSpan length) =>
        new(FieldName, legend, Choices(slots, selected, length)) { Hint = hint, Mark = FieldMark.Required };

    /// <summary>"1月6日(水)" or "Wednesday 6 January".</summary>
    public static string Day(DateOnly day)
    {
        var japanese = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
        return day.ToString(japanese ? "yyyy年M月d日(ddd)" : "dddd d MMMM yyyy", CultureInfo.GetCultureInfo(japanese ? "ja-JP" : "en-GB"));
    }

    /// <summary>"14:00〜14:30" (Japan time).</summary>
    public static string Time(ConsultationSlot slot, TimeSpan length) =>
        $"{slot.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{slot.Start.Add(length).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The day and time together: "2027年1月6日(水) 14:00–14:30".</summary>
    public static string DayAndTime(ConsultationSlot slot, TimeSpan length) => $"{Day(slot.Day)} {Time(slot, length)}";

    private static HtmlContentBuilder Choices(IReadOnlyList<ConsultationSlot> slots, string? selected, TimeSpan length)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"consultation-days\">");
        var index = 0;
        foreach (var day in slots.GroupBy(s => s.Day))
        {
            var legendId = $"{FieldName}-day-{day.Key.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
            html.AppendHtml($"<fieldset class=\"consultation-day\"><legend id=\"{legendId}\" class=\"consultation-day__legend\">");
            html.Append(Day(day.Key));
            html.AppendHtml("</legend><div class=\"consultation-day__times\">");
            foreach (var slot in day)
            {
                index++;
                var id = $"{FieldName}_{index}";
                var value = slot.Value;
                html.AppendHtml($"<div class=\"choice consultation-time\"><input type=\"radio\" id=\"{id}\" name=\"{FieldName}\" value=\"{HtmlEncoder.Default.Encode(value)}\"");
                if (value == selected)
                {
                    html.AppendHtml(" checked=\"checked\"");
                }

                html.AppendHtml($"><label for=\"{id}\">");
                html.Append(Time(slot, length));
                html.AppendHtml("</label></div>");
            }

            html.AppendHtml("</div></fieldset>");
        }

        html.AppendHtml("</div>");
        return html;
    }
}
