using System.Text;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace CrossBorderConsumerCenter.UnitTests.ConsultationMail;

/// <summary>The invitation as a calendar reads it back: one event in Japan time that keeps its UID and counts its changes.</summary>
public sealed class ConsultationCalendarTests
{
    // The subject is the slot's wall-clock time in Japan: a fixed date is fine (nothing here reads the clock).
    private static readonly ConsultationSlot Slot = new(new DateOnly(2027, 1, 6), new TimeOnly(14, 0));
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 1, 0, 0, TimeSpan.Zero);
    private static readonly CalendarTexts Texts = new("越境消費者センター オンライン相談", "5分前に参加してください");

    private static ConsultationBooking Booking()
    {
        var applicant = new ConsultationApplicant("山田 太郎", "ヤマダ タロウ", "120-0000", "JP-13", "足立区中央本町1-17-1", "03-0000-0000", "taro@example.jp", "定期購入の解約");
        return new ConsultationBooking(applicant, Slot, 1, "ja", "2026-12", null, Now);
    }

    private static (Calendar Calendar, CalendarEvent Event) Read(byte[] ics)
    {
        var calendar = Calendar.Load(Encoding.UTF8.GetString(ics))!;
        return (calendar, Assert.Single(calendar.Events));
    }

    [Fact]
    public void AnInvitationIsARequestInJapanTimeWithTheBookingsUidTheMeetingLinkAndTheCenterAsOrganizer()
    {
        var booking = Booking();
        booking.Confirm(Guid.NewGuid(), "https://meet.example.jp/r/abc", Now);

        var ics = ConsultationCalendar.Build(booking, TimeSpan.FromMinutes(30), CalendarMethod.Request, "no-reply@ccj.test", "越境消費者センター", Texts, Now);
        var (calendar, e) = Read(ics);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(booking.CalendarUid, e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("Asia/Tokyo", e.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 1, 6, 14, 0, 0), e.DtStart.Value);
        Assert.Equal(new DateTime(2027, 1, 6, 14, 30, 0), e.DtEnd!.Value);
        Assert.Equal(Slot.StartsAt.UtcDateTime, e.DtStart.AsUtc);
        Assert.Equal("https://meet.example.jp/r/abc", e.Location);
        Assert.Equal(new Uri("https://meet.example.jp/r/abc"), e.Url);
        Assert.Equal("mailto:no-reply@ccj.test", e.Organizer!.Value!.ToString());
        Assert.Equal("taro@example.jp", Assert.Single(e.Attendees).Value!.ToString().Replace("mailto:", "", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Texts.Summary, e.Summary);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Contains("Asia/Tokyo", Assert.Single(calendar.TimeZones).TzId, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeKeepsTheUidWithAHigherSequenceAndACancellationSaysCancel()
    {
        var booking = Booking();
        booking.Confirm(Guid.NewGuid(), "https://meet.example.jp/r/abc", Now);
        booking.Confirm(Guid.NewGuid(), "https://meet.example.jp/r/def", Now);
        var (_, changed) = Read(ConsultationCalendar.Build(booking, TimeSpan.FromMinutes(30), CalendarMethod.Request, "no-reply@ccj.test", null, Texts, Now));

        booking.Cancel(ConsultationCanceller.Center, "相談員の急病", Now);
        var (calendar, cancelled) = Read(ConsultationCalendar.Build(booking, TimeSpan.FromMinutes(30), CalendarMethod.Cancel, "no-reply@ccj.test", null, Texts, Now));

        Assert.Equal((booking.CalendarUid, 1), (changed.Uid, changed.Sequence));
        Assert.Equal("https://meet.example.jp/r/def", changed.Location);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal((booking.CalendarUid, 2, "CANCELLED"), (cancelled.Uid, cancelled.Sequence, cancelled.Status));
    }

    [Fact]
    public void TheFileNamesNeitherTheApplicantNorTheirAddressNorTheirTrouble()
    {
        var booking = Booking();
        booking.Confirm(Guid.NewGuid(), "https://meet.example.jp/r/abc", Now);

        var text = Encoding.UTF8.GetString(ConsultationCalendar.Build(booking, TimeSpan.FromMinutes(30), CalendarMethod.Request, "no-reply@ccj.test", null, Texts, Now));

        Assert.DoesNotContain("山田", text, StringComparison.Ordinal);
        Assert.DoesNotContain("足立区", text, StringComparison.Ordinal);
        Assert.DoesNotContain("定期購入", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CalendarMethod.Request, "text/calendar; method=REQUEST; charset=utf-8")]
    [InlineData(CalendarMethod.Cancel, "text/calendar; method=CANCEL; charset=utf-8")]
    public void TheContentTypeCarriesTheMethod(CalendarMethod method, string expected) =>
        Assert.Equal(expected, ConsultationCalendar.ContentTypeOf(method));
}
