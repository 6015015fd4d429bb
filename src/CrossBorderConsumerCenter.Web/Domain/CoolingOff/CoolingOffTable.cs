namespace CrossBorderConsumerCenter.Web.Domain.CoolingOff;

/// <summary>What a cooling-off period counts from.</summary>
public enum CoolingOffStart
{
    /// <summary>The day the legal document (法定書面) was received.</summary>
    Document,

    /// <summary>The later of the document and the first receipt of goods for resale (multi-level marketing).</summary>
    LaterOfDocumentAndGoods,

    /// <summary>The later of the document and the day of application (insurance).</summary>
    LaterOfDocumentAndApplication,

    /// <summary>The day the business told the buyer in writing about cooling-off (real estate).</summary>
    Notice,

    /// <summary>The day of moving in (paid nursing homes).</summary>
    MoveIn,
}

/// <summary>Which law a row belongs to: the table is in two parts, the Specified Commercial Transactions Act and the others.</summary>
public enum CoolingOffLaw
{
    SpecifiedCommercialTransactionsAct,
    Other,
}

/// <summary>
/// One row of the cooling-off table: the transaction, its period, what it applies to and its legal basis. Rows without a
/// <see cref="Kind"/> are shown in the table but not asked about on their own: installment credit rides on a sale
/// (the <c>credit</c> question), and specified joint real-estate ventures are rare enough to send to a counselor.
/// <see cref="Key"/> names the row's texts in the resources (<c>CoolingOff.Row.{Key}.Name</c>, <c>.Scope</c>, <c>.Basis</c>).
/// </summary>
public sealed record CoolingOffRow(
    string Key,
    CoolingOffKind? Kind,
    CoolingOffLaw Law,
    int? Days,
    int? Months,
    CoolingOffStart Start,
    bool AlsoAtShop)
{
    /// <summary>
    /// The period's last day when it counts from <paramref name="start"/>. The first day counts as day 1 (the law says
    /// "from the day of receipt", which includes that day), so 8 days from a Monday end on the next Monday. A period in
    /// months ends on the day before the same date that many months later, or at the end of that month when it has no such
    /// date (Civil Code art. 143). The last day never moves for a weekend, a holiday or the year-end: the notice only has to
    /// be sent by then (Specified Commercial Transactions Act art. 9(2): it takes effect when sent).
    /// </summary>
    public DateOnly LastDay(DateOnly start)
    {
        if (Days is { } days)
        {
            return start.AddDays(days - 1);
        }

        var months = Months ?? throw new InvalidOperationException("A cooling-off row has a period in days or in months.");
        var target = new DateOnly(start.Year, start.Month, 1).AddMonths(months);
        var daysInTarget = DateTime.DaysInMonth(target.Year, target.Month);
        return start.Day > daysInTarget
            ? new DateOnly(target.Year, target.Month, daysInTarget)
            : new DateOnly(target.Year, target.Month, start.Day).AddDays(-1);
    }
}

/// <summary>The cooling-off table, row by row as the municipal consumer office publishes it.</summary>
public static class CoolingOffTable
{
    public static IReadOnlyList<CoolingOffRow> Rows { get; } =
    [
        new("DoorToDoor", CoolingOffKind.DoorToDoor, CoolingOffLaw.SpecifiedCommercialTransactionsAct, 8, null, CoolingOffStart.Document, false),
        new("Telemarketing", CoolingOffKind.Telemarketing, CoolingOffLaw.SpecifiedCommercialTransactionsAct, 8, null, CoolingOffStart.Document, false),
        new("MultiLevelMarketing", CoolingOffKind.MultiLevelMarketing, CoolingOffLaw.SpecifiedCommercialTransactionsAct, 20, null, CoolingOffStart.LaterOfDocumentAndGoods, false),
        new("SpecifiedContinuousService", CoolingOffKind.SpecifiedContinuousService, CoolingOffLaw.SpecifiedCommercialTransactionsAct, 8, null, CoolingOffStart.Document, true),
        new("BusinessOpportunity", CoolingOffKind.BusinessOpportunity, CoolingOffLaw.SpecifiedCommercialTransactionsAct, 20, null, CoolingOffStart.Document, false),
        new("DoorToDoorPurchase", CoolingOffKind.DoorToDoorPurchase, CoolingOffLaw.SpecifiedCommercialTransactionsAct, 8, null, CoolingOffStart.Document, false),
        new("InstallmentSales", null, CoolingOffLaw.Other, 8, null, CoolingOffStart.Document, false),
        new("InstallmentSalesLong", null, CoolingOffLaw.Other, 20, null, CoolingOffStart.Document, false),
        new("Deposit", CoolingOffKind.Deposit, CoolingOffLaw.Other, 14, null, CoolingOffStart.Document, false),
        new("GolfMembership", CoolingOffKind.GolfMembership, CoolingOffLaw.Other, 8, null, CoolingOffStart.Document, true),
        new("InvestmentAdvisory", CoolingOffKind.InvestmentAdvisory, CoolingOffLaw.Other, 10, null, CoolingOffStart.Document, true),
        new("RealEstate", CoolingOffKind.RealEstate, CoolingOffLaw.Other, 8, null, CoolingOffStart.Notice, false),
        new("Insurance", CoolingOffKind.Insurance, CoolingOffLaw.Other, 8, null, CoolingOffStart.LaterOfDocumentAndApplication, false),
        new("RealEstateJointVenture", null, CoolingOffLaw.Other, 8, null, CoolingOffStart.Document, true),
        new("FuneralMutualAid", CoolingOffKind.FuneralMutualAid, CoolingOffLaw.Other, 10, null, CoolingOffStart.Document, true),
        new("NursingHome", CoolingOffKind.NursingHome, CoolingOffLaw.Other, null, 3, CoolingOffStart.MoveIn, true),
    ];

    /// <summary>The row of a kind that has cooling-off; null for mail order and shop visits, which have none.</summary>
    public static CoolingOffRow? For(CoolingOffKind kind) => Rows.FirstOrDefault(r => r.Kind == kind);

    /// <summary>
    /// The installment-credit row that rides on a sale of this kind (Installment Sales Act art. 35-3-10 for door-to-door,
    /// telemarketing and specified continuous services; art. 35-3-11 for multi-level marketing and business opportunities).
    /// </summary>
    public static CoolingOffRow? CreditFor(CoolingOffKind kind) => kind switch
    {
        CoolingOffKind.DoorToDoor or CoolingOffKind.Telemarketing or CoolingOffKind.SpecifiedContinuousService => Rows.Single(r => r.Key == "InstallmentSales"),
        CoolingOffKind.MultiLevelMarketing or CoolingOffKind.BusinessOpportunity => Rows.Single(r => r.Key == "InstallmentSalesLong"),
        _ => null,
    };
}
