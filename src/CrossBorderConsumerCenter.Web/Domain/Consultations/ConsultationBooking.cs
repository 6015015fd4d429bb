using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>Where a booked online consultation stands.</summary>
/// <remarks>Stored as text; add members, never rename.</remarks>
public enum ConsultationStatus
{
    /// <summary>Applied for and acknowledged; the center has not confirmed it yet.</summary>
    Requested,

    /// <summary>Confirmed by the center with a counselor and the meeting link; the invitation was sent.</summary>
    Confirmed,

    /// <summary>The consultation took place: at its start the applicant was identified (name and address as registered).</summary>
    Held,

    /// <summary>Ended at its start: the person could not be identified as the applicant.</summary>
    NotIdentified,

    /// <summary>Ended: no contact 15 minutes after the start.</summary>
    NoContact,

    /// <summary>Cancelled by the applicant (their link) or by the center.</summary>
    Cancelled,
}

/// <summary>Who cancelled a booking.</summary>
public enum ConsultationCanceller
{
    Applicant,
    Center,
}

/// <summary>What a booking's step refuses.</summary>
public enum ConsultationRefusal
{
    None,

    /// <summary>The step does not apply in the booking's status (a cancelled booking cannot be confirmed, say).</summary>
    WrongStatus,

    /// <summary>Too early (no contact before 15 minutes) or too late (a consultation that has started cannot be moved).</summary>
    WrongTime,
}

/// <summary>
/// An online consultation booked for one slot (the ward's video consultations): the applicant as registered (who is
/// identified by name and address at the start), the slot and the seat it holds, and what happened. The seat is what
/// makes a slot full: the database lets only one live booking hold a seat of a slot (a unique index over slot and
/// seat, cancelled bookings left out), so two applicants can never take the last one. The calendar invitation keeps one
/// UID for the booking's whole life and counts its changes (<see cref="CalendarSequence"/>).
/// </summary>
public sealed class ConsultationBooking
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxDescriptionLength = 1000;
    public const int MaxMeetingUrlLength = 500;
    public const int MaxReasonLength = 500;

    private ConsultationBooking()
    {
    }

    public ConsultationBooking(ConsultationApplicant applicant, ConsultationSlot slot, int seat, string language, string consentNoticeVersion,
        CounselorFiling? filedBy, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seat, 1);
        Id = Guid.CreateVersion7(now);
        Name = applicant.Name;
        NameKana = applicant.NameKana;
        PostalCode = applicant.PostalCode;
        PrefectureCode = applicant.PrefectureCode;
        Address = applicant.Address;
        Phone = applicant.Phone;
        Email = applicant.Email;
        Description = applicant.Description;
        SlotStart = slot.StartsAt;
        Seat = seat;
        Language = language;
        ConsentNoticeVersion = consentNoticeVersion;
        RequestedAt = now;
        Status = ConsultationStatus.Requested;
        FiledByCounselorId = filedBy?.CounselorId;
        FiledByCenterId = filedBy?.CenterId;
        ResidentRelation = filedBy?.Relation;
        CalendarUid = $"{Id:N}@consultation";
    }

    public Guid Id { get; private set; }

    public ConsultationStatus Status { get; private set; }

    /// <summary>The slot's start (Japan time when read back through <see cref="Slot"/>).</summary>
    public DateTimeOffset SlotStart { get; private set; }

    /// <summary>Which of the slot's seats (1 to the seats per slot) the booking holds while it is not cancelled.</summary>
    public int Seat { get; private set; }

    public ConsultationSlot Slot => ConsultationSlot.At(SlotStart);

    public string Name { get; private set; } = "";
    public string NameKana { get; private set; } = "";
    public string PostalCode { get; private set; } = "";

    /// <summary>ISO 3166-2 code of the prefecture, e.g. JP-13.</summary>
    public string PrefectureCode { get; private set; } = "";

    /// <summary>The rest of the address after the prefecture (city, street, building).</summary>
    public string Address { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Email { get; private set; } = "";

    /// <summary>What the applicant wants to talk about, in a few lines.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The applicant as registered, which the counselor checks at the start.</summary>
    public ConsultationApplicant Applicant => new(Name, NameKana, PostalCode, PrefectureCode, Address, Phone, Email, Description);

    /// <summary>The applicant's language (ja or en): the emails are written in it.</summary>
    public string Language { get; private set; } = "";

    /// <summary>The privacy notice the applicant agreed to (the intake's), and with it the consultation's notices.</summary>
    public string ConsentNoticeVersion { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>A counselor of a local center booked for a resident.</summary>
    public Guid? FiledByCounselorId { get; private set; }

    public Guid? FiledByCenterId { get; private set; }

    public ResidentRelation? ResidentRelation { get; private set; }

    /// <summary>The staff member or counselor who holds the consultation.</summary>
    public Guid? CounselorId { get; private set; }

    /// <summary>The video meeting's address, given by staff when they confirm.</summary>
    public string? MeetingUrl { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The calendar invitation's UID, the same for every update and the cancellation.</summary>
    public string CalendarUid { get; private set; } = "";

    /// <summary>How many times the invitation changed (iCalendar SEQUENCE): 0 for the first.</summary>
    public int CalendarSequence { get; private set; }

    /// <summary>Whether an invitation went out, so that a change or a cancellation must reach the applicant's calendar.</summary>
    public bool InvitationSent => ConfirmedAt is not null;

    public DateTimeOffset? ReminderSentAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public ConsultationCanceller? CancelledBy { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>When the outcome was recorded (identified, not identified, no contact), and by whom.</summary>
    public DateTimeOffset? OutcomeAt { get; private set; }

    public Guid? OutcomeById { get; private set; }

    /// <summary>The case opened from this consultation, when the trouble was cross-border.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>
    /// When the applicant's personal data was removed from a booking that never became a case, its period over
    /// (<see cref="ConsultationRetention"/>); a booking linked to a case is anonymised with the case and keeps this empty.
    /// </summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>A booking that still holds its seat and may still take place (an anonymised one no longer can: its day is long past).</summary>
    public bool IsUpcoming => Status is ConsultationStatus.Requested or ConsultationStatus.Confirmed && AnonymisedAt is null;

    /// <summary>Staff confirm (or change) the counselor and the meeting link; the invitation goes out (again).</summary>
    public ConsultationRefusal Confirm(Guid counselorId, string meetingUrl, DateTimeOffset now)
    {
        if (!IsUpcoming)
        {
            return ConsultationRefusal.WrongStatus;
        }

        if (now >= SlotStart)
        {
            return ConsultationRefusal.WrongTime;
        }

        if (InvitationSent)
        {
            CalendarSequence++;
        }

        CounselorId = counselorId;
        MeetingUrl = meetingUrl;
        ConfirmedAt = now;
        Status = ConsultationStatus.Confirmed;
        return ConsultationRefusal.None;
    }

    /// <summary>
    /// Moves the booking to another slot and the seat taken there (by the applicant's link or by staff), before it starts.
    /// A confirmed booking stays confirmed: its invitation is updated. The reminder is due again.
    /// </summary>
    public ConsultationRefusal MoveTo(ConsultationSlot slot, int seat, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seat, 1);
        if (!IsUpcoming)
        {
            return ConsultationRefusal.WrongStatus;
        }

        if (now >= SlotStart || slot.StartsAt <= now)
        {
            return ConsultationRefusal.WrongTime;
        }

        if (InvitationSent)
        {
            CalendarSequence++;
        }

        SlotStart = slot.StartsAt;
        Seat = seat;
        ReminderSentAt = null;
        return ConsultationRefusal.None;
    }

    /// <summary>Cancels the booking before its start; its seat is free again.</summary>
    public ConsultationRefusal Cancel(ConsultationCanceller by, string? reason, DateTimeOffset now)
    {
        if (!IsUpcoming)
        {
            return ConsultationRefusal.WrongStatus;
        }

        if (by == ConsultationCanceller.Applicant && now >= SlotStart)
        {
            return ConsultationRefusal.WrongTime;
        }

        if (InvitationSent)
        {
            CalendarSequence++;
        }

        Status = ConsultationStatus.Cancelled;
        CancelledAt = now;
        CancelledBy = by;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return ConsultationRefusal.None;
    }

    /// <summary>
    /// At the start (from 5 minutes before, when the applicant joins, to the end of the slot): the applicant was
    /// identified by the name and address registered, and the consultation takes place; or they were not, and it ends.
    /// </summary>
    public ConsultationRefusal RecordIdentity(bool identified, Guid staffId, TimeSpan length, DateTimeOffset now)
    {
        if (Status != ConsultationStatus.Confirmed)
        {
            return ConsultationRefusal.WrongStatus;
        }

        if (now < SlotStart - ConsultationSchedule.JoinEarly || now > SlotStart + length)
        {
            return ConsultationRefusal.WrongTime;
        }

        Status = identified ? ConsultationStatus.Held : ConsultationStatus.NotIdentified;
        OutcomeAt = now;
        OutcomeById = staffId;
        return ConsultationRefusal.None;
    }

    /// <summary>No contact 15 minutes after the start: the booking ends (allowed only from then on).</summary>
    public ConsultationRefusal RecordNoContact(Guid staffId, DateTimeOffset now)
    {
        if (Status != ConsultationStatus.Confirmed || AnonymisedAt is not null)
        {
            return ConsultationRefusal.WrongStatus;
        }

        if (!ConsultationSchedule.CanMarkNoContact(Slot, now))
        {
            return ConsultationRefusal.WrongTime;
        }

        Status = ConsultationStatus.NoContact;
        OutcomeAt = now;
        OutcomeById = staffId;
        return ConsultationRefusal.None;
    }

    /// <summary>
    /// Before the booking is first saved: the seat to try (the database refused the one before, another applicant took it
    /// at the same moment). After a move, the seat in the new slot.
    /// </summary>
    public void TrySeat(int seat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seat, 1);
        Seat = seat;
    }

    /// <summary>The reminder the day before went out.</summary>
    public void MarkReminderSent(DateTimeOffset now) => ReminderSentAt = now;

    /// <summary>A case was opened from the consultation (once, after it was held, while it still holds the applicant's data).</summary>
    public ConsultationRefusal LinkCase(Guid caseId)
    {
        if (Status != ConsultationStatus.Held || CaseId is not null || AnonymisedAt is not null)
        {
            return ConsultationRefusal.WrongStatus;
        }

        CaseId = caseId;
        return ConsultationRefusal.None;
    }
}

/// <summary>
/// The applicant as registered, which the counselor checks at the start: name, kana, the full address, phone and email.
/// The ward takes no anonymous application and none with an incomplete address.
/// </summary>
public sealed record ConsultationApplicant(
    string Name,
    string NameKana,
    string PostalCode,
    string PrefectureCode,
    string Address,
    string Phone,
    string Email,
    string Description);
