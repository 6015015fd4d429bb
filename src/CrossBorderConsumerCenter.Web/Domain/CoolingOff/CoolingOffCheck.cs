namespace CrossBorderConsumerCenter.Web.Domain.CoolingOff;

/// <summary>
/// The question a consumer or counselor asks: what kind of contract, the days that start the clock, and the facts that
/// take cooling-off away or keep it open. <see cref="Document"/> is the day the legal document was received; for real
/// estate the day of the written cooling-off notice, for a paid nursing home the day of moving in.
/// </summary>
public sealed record CoolingOffQuestion(
    CoolingOffKind Kind,
    DateOnly? Document = null,
    DateOnly? Goods = null,
    DateOnly? Applied = null,
    bool ForBusiness = false,
    bool CashUnder3000 = false,
    bool UsedConsumables = false,
    bool Credit = false,
    bool DefectiveDocument = false);

public enum CoolingOffVerdict
{
    /// <summary>Within the period: the consumer can cancel until <see cref="CoolingOffAnswer.LastDay"/>.</summary>
    CanCancel,

    /// <summary>The period has not started (a defective or missing document, or obstruction): the consumer can still cancel.</summary>
    NotStarted,

    /// <summary>The period ended on <see cref="CoolingOffAnswer.LastDay"/>.</summary>
    Ended,

    /// <summary>This contract has no cooling-off (<see cref="CoolingOffAnswer.NoneBecause"/>).</summary>
    None,

    /// <summary>The day the period counts from is needed to answer.</summary>
    NeedsDate,
}

/// <summary>Why a contract has no cooling-off, each from the table's list of exclusions.</summary>
public enum NoCoolingOffReason
{
    /// <summary>Mail order and internet shopping: a return rule instead (Specified Commercial Transactions Act art. 15-3).</summary>
    MailOrder,

    /// <summary>A contract made at a shop the consumer went to of their own accord.</summary>
    ShopVisit,

    /// <summary>Bought for work or business (Specified Commercial Transactions Act art. 26).</summary>
    ForBusiness,

    /// <summary>Paid in full in cash, under 3,000 yen, goods or service received (Specified Commercial Transactions Act art. 26).</summary>
    CashUnder3000,
}

/// <summary>Things the answer adds, each a sentence on the answer page.</summary>
public enum CoolingOffNote
{
    /// <summary>Send the same notice to the credit company (and the installment-credit row applies).</summary>
    SendToCreditCompany,

    /// <summary>Opened or used consumables: only the used part may be excluded, and only if the document said so.</summary>
    UsedConsumablesPart,

    /// <summary>No date of first receipt of goods: the period counts from the document; if goods come later, from them.</summary>
    GoodsDateMissing,

    /// <summary>No application day given: the period counts from the document; if the application came later, from it.</summary>
    ApplicationDateMissing,

    /// <summary>Business purchases: whether this law covers them depends on the case.</summary>
    ForBusinessAskCounselor,

    /// <summary>Multi-level marketing and business opportunities protect individuals who join to do business.</summary>
    ForBusinessStillCovered,

    /// <summary>A flag the consumer ticked does not matter for this kind of contract.</summary>
    CashUnder3000NotRelevant,

    /// <summary>The used-consumables exclusion does not apply to this kind of contract.</summary>
    UsedConsumablesNotRelevant,

    /// <summary>Credit does not add a row for this kind; the notice to the credit company is still wise.</summary>
    CreditNoSeparateRow,

    /// <summary>The period ended, but a defective document or obstruction would keep it open: talk to a counselor.</summary>
    EndedButAskAboutDocument,

    /// <summary>Three days or fewer left: call 188 now rather than book or write.</summary>
    Urgent,

    /// <summary>Real estate: the right also ends once the property is handed over and fully paid.</summary>
    RealEstateEndsOnHandover,

    /// <summary>A paid nursing home's three months count from moving in, whatever the documents said.</summary>
    DefectiveDocumentNotRelevant,
}

/// <summary>
/// The answer: the verdict, the row it rests on, the day it counts from, the last day and how many days are left from
/// <see cref="Today"/> (Japan). For mail order, the statutory return window when the goods' arrival is known and the
/// seller states no return policy of its own (8 days from receipt, at the buyer's cost).
/// </summary>
public sealed record CoolingOffAnswer(
    CoolingOffQuestion Question,
    CoolingOffVerdict Verdict,
    CoolingOffRow? Row,
    CoolingOffRow? CreditRow,
    DateOnly? CountsFrom,
    DateOnly? LastDay,
    DateOnly Today,
    NoCoolingOffReason? NoneBecause,
    DateOnly? MailOrderReturnLastDay,
    IReadOnlyList<CoolingOffNote> Notes)
{
    /// <summary>Mail order: days from today to the statutory return window's last day (negative once it has passed).</summary>
    public int? ReturnDaysLeft => MailOrderReturnLastDay is { } last ? last.DayNumber - Today.DayNumber : null;

    /// <summary>Days from today to the last day: 0 on the last day itself, negative once it has passed.</summary>
    public int? DaysLeft => LastDay is { } last ? last.DayNumber - Today.DayNumber : null;

    public bool IsUrgent => Notes.Contains(CoolingOffNote.Urgent);
}

/// <summary>
/// Cooling-off, by the municipal consumer office's table: which contracts can be cancelled unconditionally, for how long
/// from which day, and which cannot. The notice takes effect when sent, so the last day is the day to post it by.
/// </summary>
public static class CoolingOffCheck
{
    /// <summary>With this many days left or fewer, the answer says to call the consumer hotline (188) now.</summary>
    public const int UrgentDays = 3;

    /// <summary>Mail order without a stated return policy: returnable within 8 days of receiving the goods (art. 15-3).</summary>
    public const int MailOrderReturnDays = 8;

    private static readonly CoolingOffKind[] SpecifiedCommercialKinds =
    [
        CoolingOffKind.DoorToDoor, CoolingOffKind.Telemarketing, CoolingOffKind.SpecifiedContinuousService, CoolingOffKind.DoorToDoorPurchase,
    ];

    public static CoolingOffAnswer Answer(CoolingOffQuestion question, DateOnly today)
    {
        var notes = new List<CoolingOffNote>();
        var kind = question.Kind;

        if (kind == CoolingOffKind.MailOrder)
        {
            DateOnly? returnBy = question.Goods is { } arrived ? arrived.AddDays(MailOrderReturnDays - 1) : null;
            return None(NoCoolingOffReason.MailOrder, returnBy);
        }

        if (kind == CoolingOffKind.ShopVisit)
        {
            return None(NoCoolingOffReason.ShopVisit, null);
        }

        var row = CoolingOffTable.For(kind) ?? throw new InvalidOperationException($"No cooling-off row for {kind}.");

        if (question.ForBusiness)
        {
            if (SpecifiedCommercialKinds.Contains(kind))
            {
                return None(NoCoolingOffReason.ForBusiness, null);
            }

            notes.Add(kind is CoolingOffKind.MultiLevelMarketing or CoolingOffKind.BusinessOpportunity
                ? CoolingOffNote.ForBusinessStillCovered
                : CoolingOffNote.ForBusinessAskCounselor);
        }

        var cashExcludes = kind is CoolingOffKind.DoorToDoor or CoolingOffKind.Telemarketing;
        if (question.CashUnder3000)
        {
            if (cashExcludes)
            {
                return None(NoCoolingOffReason.CashUnder3000, null);
            }

            notes.Add(CoolingOffNote.CashUnder3000NotRelevant);
        }

        if (question.UsedConsumables)
        {
            notes.Add(kind is CoolingOffKind.DoorToDoor or CoolingOffKind.Telemarketing or CoolingOffKind.SpecifiedContinuousService
                ? CoolingOffNote.UsedConsumablesPart
                : CoolingOffNote.UsedConsumablesNotRelevant);
        }

        // A consumer who sold (door-to-door purchasing) has no credit contract to cancel.
        var credit = question.Credit && !CoolingOffKinds.ConsumerSold(kind);
        var creditRow = credit ? CoolingOffTable.CreditFor(kind) : null;
        if (credit)
        {
            notes.Add(CoolingOffNote.SendToCreditCompany);
            if (creditRow is null)
            {
                notes.Add(CoolingOffNote.CreditNoSeparateRow);
            }
        }

        if (kind == CoolingOffKind.RealEstate)
        {
            notes.Add(CoolingOffNote.RealEstateEndsOnHandover);
        }

        if (question.DefectiveDocument && row.Start == CoolingOffStart.MoveIn)
        {
            notes.Add(CoolingOffNote.DefectiveDocumentNotRelevant);
        }
        else if (question.DefectiveDocument)
        {
            return new(question, CoolingOffVerdict.NotStarted, row, creditRow, null, null, today, null, null, notes);
        }

        if (question.Document is not { } document)
        {
            return new(question, CoolingOffVerdict.NeedsDate, row, creditRow, null, null, today, null, null, notes);
        }

        var countsFrom = document;
        if (row.Start == CoolingOffStart.LaterOfDocumentAndGoods)
        {
            if (question.Goods is { } goods)
            {
                countsFrom = Later(document, goods);
            }
            else
            {
                notes.Add(CoolingOffNote.GoodsDateMissing);
            }
        }
        else if (row.Start == CoolingOffStart.LaterOfDocumentAndApplication)
        {
            if (question.Applied is { } applied)
            {
                countsFrom = Later(document, applied);
            }
            else
            {
                notes.Add(CoolingOffNote.ApplicationDateMissing);
            }
        }

        var lastDay = row.LastDay(countsFrom);
        var daysLeft = lastDay.DayNumber - today.DayNumber;
        if (daysLeft < 0)
        {
            if (row.Start != CoolingOffStart.MoveIn)
            {
                notes.Add(CoolingOffNote.EndedButAskAboutDocument);
            }

            return new(question, CoolingOffVerdict.Ended, row, creditRow, countsFrom, lastDay, today, null, null, notes);
        }

        if (daysLeft <= UrgentDays)
        {
            notes.Add(CoolingOffNote.Urgent);
        }

        return new(question, CoolingOffVerdict.CanCancel, row, creditRow, countsFrom, lastDay, today, null, null, notes);

        CoolingOffAnswer None(NoCoolingOffReason reason, DateOnly? returnBy) =>
            new(question, CoolingOffVerdict.None, null, null, null, null, today, reason, returnBy, notes);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
