using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.UnitTests.Consultations;

/// <summary>
/// A booking's life: requested → confirmed (counselor and meeting link) → at the start, identified (held) or not, or no
/// contact after 15 minutes; moved or cancelled before it starts. The calendar invitation keeps its UID and counts changes.
/// </summary>
public class ConsultationBookingTests
{
    private static readonly ConsultationSlot Slot = new(new DateOnly(2027, 3, 10), new TimeOnly(14, 0));
    private static readonly ConsultationSlot Later = new(new DateOnly(2027, 3, 11), new TimeOnly(9, 0));
    private static readonly DateTimeOffset Applied = Slot.StartsAt.AddDays(-5);
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(30);
    private static readonly Guid Counselor = Guid.NewGuid();

    private static ConsultationBooking NewBooking(CounselorFiling? filedBy = null) => new(
        new ConsultationApplicant("山田 太郎", "ヤマダ タロウ", "120-8510", "JP-13", "足立区中央本町1-17-1", "0312345678", "taro@example.jp", "海外の通販サイトで…"),
        Slot, 1, "ja", "2026-10", filedBy, Applied);

    private static ConsultationBooking Confirmed()
    {
        var booking = NewBooking();
        Assert.Equal(ConsultationRefusal.None, booking.Confirm(Counselor, "https://meet.example/abc", Applied.AddDays(1)));
        return booking;
    }

    [Fact]
    public void ANewBookingIsRequestedHoldsItsSeatAndKeepsTheApplicantAsRegistered()
    {
        var booking = NewBooking(new CounselorFiling(Guid.NewGuid(), Guid.NewGuid(), ResidentRelation.Carer));
        Assert.Equal(ConsultationStatus.Requested, booking.Status);
        Assert.True(booking.IsUpcoming);
        Assert.False(booking.InvitationSent);
        Assert.Equal(Slot, booking.Slot);
        Assert.Equal(1, booking.Seat);
        Assert.Equal("足立区中央本町1-17-1", booking.Applicant.Address);
        Assert.Equal(ResidentRelation.Carer, booking.ResidentRelation);
        Assert.Equal($"{booking.Id:N}@consultation", booking.CalendarUid);
        Assert.Equal(0, booking.CalendarSequence);
    }

    [Fact]
    public void ConfirmingSetsTheCounselorAndLinkAndAChangeRaisesTheInvitationsSequence()
    {
        var booking = Confirmed();
        Assert.Equal(ConsultationStatus.Confirmed, booking.Status);
        Assert.True(booking.InvitationSent);
        Assert.Equal(0, booking.CalendarSequence);
        Assert.Equal(ConsultationRefusal.None, booking.Confirm(Counselor, "https://meet.example/xyz", Applied.AddDays(2)));
        Assert.Equal(1, booking.CalendarSequence);
        Assert.Equal("https://meet.example/xyz", booking.MeetingUrl);
    }

    [Fact]
    public void NothingIsConfirmedOnceTheSlotHasStarted() =>
        Assert.Equal(ConsultationRefusal.WrongTime, NewBooking().Confirm(Counselor, "https://meet.example/abc", Slot.StartsAt));

    [Fact]
    public void MovingARequestedBookingChangesNoInvitationAndAConfirmedOneUpdatesIt()
    {
        var requested = NewBooking();
        Assert.Equal(ConsultationRefusal.None, requested.MoveTo(Later, 2, Applied.AddHours(1)));
        Assert.Equal(Later, requested.Slot);
        Assert.Equal(2, requested.Seat);
        Assert.Equal(0, requested.CalendarSequence);

        var confirmed = Confirmed();
        confirmed.MarkReminderSent(Slot.StartsAt.AddDays(-1));
        Assert.Equal(ConsultationRefusal.None, confirmed.MoveTo(Later, 1, Slot.StartsAt.AddHours(-2)));
        Assert.Equal(1, confirmed.CalendarSequence);
        Assert.Equal(ConsultationStatus.Confirmed, confirmed.Status);
        Assert.Null(confirmed.ReminderSentAt);
    }

    [Fact]
    public void ABookingCannotMoveOnceItStartedNorToASlotThatHas()
    {
        Assert.Equal(ConsultationRefusal.WrongTime, NewBooking().MoveTo(Later, 1, Slot.StartsAt));
        Assert.Equal(ConsultationRefusal.WrongTime, NewBooking().MoveTo(Slot, 1, Slot.StartsAt.AddMinutes(1)));
        var past = new ConsultationSlot(new DateOnly(2027, 3, 1), new TimeOnly(9, 0));
        Assert.Equal(ConsultationRefusal.WrongTime, NewBooking().MoveTo(past, 1, Applied));
    }

    [Fact]
    public void TheApplicantCancelsBeforeTheStartAndTheCenterAlsoAfterIt()
    {
        var byApplicant = NewBooking();
        Assert.Equal(ConsultationRefusal.WrongTime, byApplicant.Cancel(ConsultationCanceller.Applicant, null, Slot.StartsAt));
        Assert.Equal(ConsultationRefusal.None, byApplicant.Cancel(ConsultationCanceller.Applicant, "  ", Slot.StartsAt.AddMinutes(-1)));
        Assert.Equal(ConsultationStatus.Cancelled, byApplicant.Status);
        Assert.Equal(ConsultationCanceller.Applicant, byApplicant.CancelledBy);
        Assert.Null(byApplicant.CancelReason);
        Assert.False(byApplicant.IsUpcoming);

        var byCenter = Confirmed();
        Assert.Equal(ConsultationRefusal.None, byCenter.Cancel(ConsultationCanceller.Center, " counselor ill ", Slot.StartsAt.AddMinutes(5)));
        Assert.Equal("counselor ill", byCenter.CancelReason);
        Assert.Equal(1, byCenter.CalendarSequence);
    }

    [Fact]
    public void ACancelledBookingDoesNothingElse()
    {
        var booking = Confirmed();
        booking.Cancel(ConsultationCanceller.Center, "closed", Applied.AddDays(2));
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.Confirm(Counselor, "https://meet.example/abc", Applied.AddDays(2)));
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.MoveTo(Later, 1, Applied.AddDays(2)));
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.Cancel(ConsultationCanceller.Applicant, null, Applied.AddDays(2)));
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.RecordIdentity(true, Counselor, Length, Slot.StartsAt));
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.RecordNoContact(Counselor, Slot.StartsAt.AddMinutes(20)));
    }

    [Theory]
    [InlineData(-6, ConsultationRefusal.WrongTime)]
    [InlineData(-5, ConsultationRefusal.None)] // the applicant joins five minutes early
    [InlineData(0, ConsultationRefusal.None)]
    [InlineData(30, ConsultationRefusal.None)]
    [InlineData(31, ConsultationRefusal.WrongTime)]
    public void IdentityIsRecordedAtTheStart(int minutesFromStart, ConsultationRefusal expected)
    {
        var booking = Confirmed();
        Assert.Equal(expected, booking.RecordIdentity(true, Counselor, Length, Slot.StartsAt.AddMinutes(minutesFromStart)));
        Assert.Equal(expected == ConsultationRefusal.None ? ConsultationStatus.Held : ConsultationStatus.Confirmed, booking.Status);
    }

    [Fact]
    public void APersonNotIdentifiedEndsTheBooking()
    {
        var booking = Confirmed();
        Assert.Equal(ConsultationRefusal.None, booking.RecordIdentity(false, Counselor, Length, Slot.StartsAt.AddMinutes(2)));
        Assert.Equal(ConsultationStatus.NotIdentified, booking.Status);
        Assert.Equal(Counselor, booking.OutcomeById);
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.RecordNoContact(Counselor, Slot.StartsAt.AddMinutes(20)));
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.LinkCase(Guid.NewGuid()));
    }

    [Fact]
    public void NoContactIsRecordedOnlyFromFifteenMinutesAfterTheStartOfAConfirmedBooking()
    {
        Assert.Equal(ConsultationRefusal.WrongStatus, NewBooking().RecordNoContact(Counselor, Slot.StartsAt.AddMinutes(20)));
        var booking = Confirmed();
        Assert.Equal(ConsultationRefusal.WrongTime, booking.RecordNoContact(Counselor, Slot.StartsAt.AddMinutes(14)));
        Assert.Equal(ConsultationRefusal.None, booking.RecordNoContact(Counselor, Slot.StartsAt.AddMinutes(15)));
        Assert.Equal(ConsultationStatus.NoContact, booking.Status);
    }

    [Fact]
    public void ACaseIsOpenedOnceFromAHeldConsultation()
    {
        var booking = Confirmed();
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.LinkCase(Guid.NewGuid()));
        booking.RecordIdentity(true, Counselor, Length, Slot.StartsAt);
        var caseId = Guid.NewGuid();
        Assert.Equal(ConsultationRefusal.None, booking.LinkCase(caseId));
        Assert.Equal(caseId, booking.CaseId);
        Assert.Equal(ConsultationRefusal.WrongStatus, booking.LinkCase(Guid.NewGuid()));
    }

    [Fact]
    public void ASeatIsANumberFromOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewBooking().TrySeat(0));
        var booking = NewBooking();
        booking.TrySeat(3);
        Assert.Equal(3, booking.Seat);
    }
}
