namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>A note staff write on a booking (what was said on the phone, what the consultation was about).</summary>
public sealed class ConsultationNote
{
    public const int MaxTextLength = 4000;

    private ConsultationNote()
    {
    }

    public ConsultationNote(Guid bookingId, Guid authorId, string authorName, string text, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        BookingId = bookingId;
        AuthorId = authorId;
        AuthorName = authorName;
        Text = text;
        WrittenAt = now;
    }

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The author's display name when they wrote it.</summary>
    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }
}
