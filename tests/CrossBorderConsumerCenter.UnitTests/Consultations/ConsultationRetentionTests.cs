using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Retention;

namespace CrossBorderConsumerCenter.UnitTests.Consultations;

/// <summary>
/// Which online consultation bookings lose the applicant's personal data on which day: a booking that never became a case
/// is kept through its last day (the day it was cancelled, otherwise the consultation's day, in Japan) and the period
/// after it; a booking linked to a case, and one still to come, never are. Dates are relative to today (TestTime).
/// </summary>
public class ConsultationRetentionTests
{
    private static readonly int Days = new RetentionOptions().BookingWithoutCaseDays;
    private static readonly Guid Counselor = Guid.NewGuid();

    /// <summary>The consultation: 15:00 in Japan, ten days after today.</summary>
    private static readonly ConsultationSlot Slot = new(TestTime.TodayInJapan.AddDays(10), new TimeOnly(15, 0));

    private static DateTimeOffset MidnightInJapan(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ConsultationSlot.JapanOffset);

    private static ConsultationBooking Requested() => new(
        new ConsultationApplicant("山田 太郎", "ヤマダ タロウ", "120-8510", "JP-13", "足立区中央本町1-17-1", "0312345678", "taro@example.jp", "海外の通販サイトで…"),
        Slot, 1, "ja", "2026-10", filedBy: null, TestTime.Today);

    private static ConsultationBooking Confirmed()
    {
        var booking = Requested();
        Assert.Equal(ConsultationRefusal.None, booking.Confirm(Counselor, "https://meet.example/abc", TestTime.Today.AddDays(1)));
        return booking;
    }

    private static ConsultationBooking Ended(ConsultationStatus status)
    {
        var booking = Confirmed();
        Assert.Equal(ConsultationRefusal.None, status switch
        {
            ConsultationStatus.Held => booking.RecordIdentity(true, Counselor, TimeSpan.FromMinutes(30), Slot.StartsAt.AddMinutes(1)),
            ConsultationStatus.NotIdentified => booking.RecordIdentity(false, Counselor, TimeSpan.FromMinutes(30), Slot.StartsAt.AddMinutes(1)),
            ConsultationStatus.NoContact => booking.RecordNoContact(Counselor, Slot.StartsAt + ConsultationSchedule.NoContactAfter),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        });
        return booking;
    }

    private static readonly string[] NotCancelled = ["Requested", "Confirmed", "Held", "NotIdentified", "NoContact"];

    public static TheoryData<string> CountedFromTheConsultationsDay => new(NotCancelled);

    private static ConsultationBooking InStatus(string status) => status switch
    {
        "Requested" => Requested(),
        "Confirmed" => Confirmed(),
        _ => Ended(Enum.Parse<ConsultationStatus>(status)),
    };

    [Fact]
    public void TheDefaultPeriodIsAYearAndTheSettingIsRefusedBelowThirtyDays()
    {
        Assert.Equal(365, Days);
        var validator = new RetentionOptions.Validator();
        Assert.True(validator.Validate(null, new RetentionOptions { BookingWithoutCaseDays = 30 }).Succeeded);
        var refused = validator.Validate(null, new RetentionOptions { BookingWithoutCaseDays = 29 });
        Assert.True(refused.Failed);
        Assert.Contains("Retention:BookingWithoutCaseDays", refused.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CountedFromTheConsultationsDay))]
    public void ABookingWithoutACaseIsKeptThroughTheConsultationsDayAndTheYearAfterAndIsDueFromTheNextMidnightInJapan(string status)
    {
        var booking = InStatus(status);
        var dueFrom = MidnightInJapan(Slot.Day.AddDays(Days + 1));

        Assert.Equal(dueFrom, ConsultationRetention.DueFrom(booking.Status, booking.SlotStart, booking.CancelledAt, Days));
        Assert.False(ConsultationRetention.IsDue(booking, Days, Slot.StartsAt.AddDays(1)));
        Assert.False(ConsultationRetention.IsDue(booking, Days, dueFrom.AddSeconds(-1)));
        Assert.True(ConsultationRetention.IsDue(booking, Days, dueFrom));
        Assert.True(ConsultationRetention.IsDue(booking, Days, dueFrom.AddDays(400)));
    }

    [Fact]
    public void ACancelledBookingIsCountedFromTheDayItWasCancelledNotFromItsSlot()
    {
        var booking = Requested();
        var cancelledAt = TestTime.Today.AddDays(2);
        Assert.Equal(ConsultationRefusal.None, booking.Cancel(ConsultationCanceller.Applicant, null, cancelledAt));
        var dueFrom = MidnightInJapan(TestTime.TodayInJapan.AddDays(2 + Days + 1));

        Assert.Equal(TestTime.TodayInJapan.AddDays(2), ConsultationRetention.LastDay(booking.Status, booking.SlotStart, booking.CancelledAt));
        Assert.False(ConsultationRetention.IsDue(booking, Days, dueFrom.AddSeconds(-1)));
        Assert.True(ConsultationRetention.IsDue(booking, Days, dueFrom));
        Assert.True(dueFrom < MidnightInJapan(Slot.Day.AddDays(Days + 1)));
    }

    [Fact]
    public void TheDayIsJapansEvenWhenUtcIsStillOnThePreviousDate()
    {
        // Cancelled at 00:30 in Japan: 15:30 UTC the day before. Its last day is the Japanese date.
        var booking = Requested();
        var cancelledAt = new DateTimeOffset(TestTime.TodayInJapan.AddDays(3).ToDateTime(new TimeOnly(0, 30)), ConsultationSlot.JapanOffset);
        Assert.Equal(ConsultationRefusal.None, booking.Cancel(ConsultationCanceller.Center, "都合により", cancelledAt));
        Assert.Equal(TestTime.TodayInJapan.AddDays(2), DateOnly.FromDateTime(cancelledAt.UtcDateTime));

        var dueFrom = ConsultationRetention.DueFrom(booking.Status, booking.SlotStart, booking.CancelledAt, Days);
        Assert.Equal(MidnightInJapan(TestTime.TodayInJapan.AddDays(3 + Days + 1)), dueFrom);
        Assert.Equal(15, dueFrom.UtcDateTime.Hour);
        Assert.False(ConsultationRetention.IsDue(booking, Days, dueFrom.AddMinutes(-1)));
        Assert.True(ConsultationRetention.IsDue(booking, Days, dueFrom));
    }

    [Fact]
    public void ABookingLinkedToACaseIsNeverDueItFollowsTheCase()
    {
        var booking = Ended(ConsultationStatus.Held);
        Assert.Equal(ConsultationRefusal.None, booking.LinkCase(Guid.NewGuid()));
        Assert.False(ConsultationRetention.IsDue(booking, Days, MidnightInJapan(Slot.Day.AddDays(Days + 1))));
        Assert.False(ConsultationRetention.IsDue(booking, Days, Slot.StartsAt.AddDays(20 * 365)));
    }

    [Fact]
    public void AnUpcomingBookingIsNotDueWhateverThePeriod()
    {
        Assert.False(ConsultationRetention.IsDue(Requested(), 1, TestTime.Today));
        Assert.False(ConsultationRetention.IsDue(Confirmed(), 1, Slot.StartsAt.AddMinutes(-5)));
    }

    /// <summary>The query's single instant says the same as the rule, at every hour around the boundary, for every kind of booking.</summary>
    [Fact]
    public void TheQuerysInstantAgreesWithTheRuleAroundTheBoundary()
    {
        var cancelled = Requested();
        Assert.Equal(ConsultationRefusal.None, cancelled.Cancel(ConsultationCanceller.Center, null, new DateTimeOffset(Slot.Day.ToDateTime(new TimeOnly(23, 50)), ConsultationSlot.JapanOffset)));
        ConsultationBooking[] bookings = [.. NotCancelled.Select(InStatus), cancelled];
        foreach (var booking in bookings)
        {
            var reference = booking.CancelledAt ?? booking.SlotStart;
            var boundary = ConsultationRetention.DueFrom(booking.Status, booking.SlotStart, booking.CancelledAt, Days);
            for (var hour = -30; hour <= 30; hour++)
            {
                var now = boundary.AddHours(hour).AddMinutes(hour % 2 == 0 ? 0 : 29);
                Assert.Equal(ConsultationRetention.IsDue(booking, Days, now), reference < ConsultationRetention.DueBefore(now, Days));
            }
        }
    }
}
