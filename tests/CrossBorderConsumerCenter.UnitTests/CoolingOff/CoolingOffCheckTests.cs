using CrossBorderConsumerCenter.Web.Domain.CoolingOff;

namespace CrossBorderConsumerCenter.UnitTests.CoolingOff;

/// <summary>
/// Cooling-off by the table: every kind, every exclusion, the day of receipt as day 1, the later of two days where the
/// law says so, and last days that never move (dates here are the subject of the tests).
/// </summary>
public class CoolingOffCheckTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CoolingOffKind Kind(string slug) =>
        CoolingOffKinds.TryParse(slug, out var kind) ? kind : throw new ArgumentException($"Not a kind: {slug}", nameof(slug));

    private static CoolingOffAnswer Ask(CoolingOffQuestion question, string today) => CoolingOffCheck.Answer(question, D(today));

    [Theory]
    [InlineData("door-to-door", 8, "特定商取引法第9条")]
    [InlineData("telemarketing", 8, "第24条")]
    [InlineData("multi-level-marketing", 20, "第40条")]
    [InlineData("specified-continuous-service", 8, "第48条")]
    [InlineData("business-opportunity", 20, "第58条")]
    [InlineData("door-to-door-purchase", 8, "第58条の14")]
    [InlineData("deposit", 14, "預託法")]
    [InlineData("golf-membership", 8, "ゴルフ")]
    [InlineData("investment-advisory", 10, "金融商品取引法")]
    [InlineData("real-estate", 8, "宅地建物取引業法")]
    [InlineData("insurance", 8, "保険業法")]
    [InlineData("funeral-mutual-aid", 10, "約款")]
    public void EveryKindWithCoolingOffHasItsPeriodInDaysCountingTheDayOfReceiptAsDayOne(string slug, int days, string _)
    {
        Assert.True(CoolingOffKinds.TryParse(slug, out var kind));
        var answer = Ask(new(kind, D("2027-03-01")), "2027-03-01");

        Assert.Equal(CoolingOffVerdict.CanCancel, answer.Verdict);
        Assert.Equal(D("2027-03-01"), answer.CountsFrom);
        Assert.Equal(D("2027-03-01").AddDays(days - 1), answer.LastDay);
        Assert.Equal(days - 1, answer.DaysLeft);
        Assert.Equal(days, answer.Row!.Days);
    }

    [Fact]
    public void EightDaysFromAMondayEndOnTheNextMonday()
    {
        var answer = Ask(new(CoolingOffKind.DoorToDoor, D("2027-03-01")), "2027-03-03");

        Assert.Equal(DayOfWeek.Monday, D("2027-03-01").DayOfWeek);
        Assert.Equal(D("2027-03-08"), answer.LastDay);
        Assert.Equal(DayOfWeek.Monday, answer.LastDay!.Value.DayOfWeek);
        Assert.Equal(5, answer.DaysLeft);
    }

    [Theory]
    [InlineData("2027-01-30", "2027-02-06")] // across a month end
    [InlineData("2028-02-25", "2028-03-03")] // across a leap day
    [InlineData("2027-02-25", "2027-03-04")] // the same days in a common year
    [InlineData("2026-12-27", "2027-01-03")] // across the year-end: the last day does not move out of the closure
    [InlineData("2027-04-24", "2027-05-01")] // Golden Week: the last day does not move for holidays
    [InlineData("2027-03-06", "2027-03-13")] // ends on a Saturday, stays there
    public void TheLastDayNeverMovesForWeekendsHolidaysOrTheYearEnd(string document, string lastDay)
    {
        var answer = Ask(new(CoolingOffKind.Telemarketing, D(document)), document);

        Assert.Equal(D(lastDay), answer.LastDay);
    }

    [Theory]
    [InlineData("2027-03-01", "2027-03-10", "2027-03-10", "2027-03-29")] // goods later: from the goods
    [InlineData("2027-03-10", "2027-03-01", "2027-03-10", "2027-03-29")] // document later: from the document
    [InlineData("2027-03-05", "2027-03-05", "2027-03-05", "2027-03-24")]
    [InlineData("2028-02-10", "2028-02-20", "2028-02-20", "2028-03-10")] // across a leap day: 20 days incl. 29 Feb
    [InlineData("2027-12-20", "2027-12-25", "2027-12-25", "2028-01-13")] // across the year-end
    public void MultiLevelMarketingCountsTwentyDaysFromTheLaterOfDocumentAndFirstGoods(string document, string goods, string from, string lastDay)
    {
        var answer = Ask(new(CoolingOffKind.MultiLevelMarketing, D(document), Goods: D(goods)), from);

        Assert.Equal(D(from), answer.CountsFrom);
        Assert.Equal(D(lastDay), answer.LastDay);
        Assert.DoesNotContain(CoolingOffNote.GoodsDateMissing, answer.Notes);
    }

    [Fact]
    public void MultiLevelMarketingWithoutAGoodsDateCountsFromTheDocumentAndSaysSo()
    {
        var answer = Ask(new(CoolingOffKind.MultiLevelMarketing, D("2027-03-01")), "2027-03-02");

        Assert.Equal(D("2027-03-20"), answer.LastDay);
        Assert.Contains(CoolingOffNote.GoodsDateMissing, answer.Notes);
    }

    [Theory]
    [InlineData("2027-03-01", "2027-03-04", "2027-03-04", "2027-03-11")] // applied later
    [InlineData("2027-03-04", "2027-03-01", "2027-03-04", "2027-03-11")] // document later
    [InlineData("2027-02-25", "2027-02-26", "2027-02-26", "2027-03-05")] // across a month end
    public void InsuranceCountsEightDaysFromTheLaterOfDocumentAndApplication(string document, string applied, string from, string lastDay)
    {
        var answer = Ask(new(CoolingOffKind.Insurance, D(document), Applied: D(applied)), from);

        Assert.Equal(D(from), answer.CountsFrom);
        Assert.Equal(D(lastDay), answer.LastDay);
    }

    [Fact]
    public void InsuranceWithoutAnApplicationDayCountsFromTheDocumentAndSaysSo()
    {
        var answer = Ask(new(CoolingOffKind.Insurance, D("2027-03-01")), "2027-03-01");

        Assert.Equal(D("2027-03-08"), answer.LastDay);
        Assert.Contains(CoolingOffNote.ApplicationDateMissing, answer.Notes);
    }

    [Theory]
    [InlineData("2027-01-10", "2027-04-09")] // the day before the same date three months on
    [InlineData("2027-11-30", "2028-02-29")] // no 30 February: the end of that month, a leap year
    [InlineData("2026-11-30", "2027-02-28")] // no 30 February in a common year
    [InlineData("2027-11-29", "2028-02-28")] // 29 February exists in 2028: the day before it
    [InlineData("2027-01-31", "2027-04-30")] // no 31 April
    [InlineData("2026-10-15", "2027-01-14")] // across the year-end
    [InlineData("2027-03-01", "2027-05-31")]
    public void APaidNursingHomeAllowsThreeMonthsFromMovingInByTheCivilCode(string movedIn, string lastDay)
    {
        var answer = Ask(new(CoolingOffKind.NursingHome, D(movedIn)), movedIn);

        Assert.Equal(CoolingOffVerdict.CanCancel, answer.Verdict);
        Assert.Equal(D(lastDay), answer.LastDay);
    }

    [Fact]
    public void RealEstateCountsFromTheNoticeAndEndsOnHandover()
    {
        var answer = Ask(new(CoolingOffKind.RealEstate, D("2027-06-01")), "2027-06-02");

        Assert.Equal(D("2027-06-08"), answer.LastDay);
        Assert.Equal(CoolingOffStart.Notice, answer.Row!.Start);
        Assert.Contains(CoolingOffNote.RealEstateEndsOnHandover, answer.Notes);
    }

    [Theory]
    [InlineData("2027-03-08", 0, true)]  // the last day itself: today, still in time
    [InlineData("2027-03-07", 1, true)]
    [InlineData("2027-03-05", 3, true)]  // three days left: call now
    [InlineData("2027-03-04", 4, false)]
    [InlineData("2027-03-01", 7, false)]
    public void CountsTheDaysLeftAndSendsTheLastThreeDaysToThePhone(string today, int left, bool urgent)
    {
        var answer = Ask(new(CoolingOffKind.DoorToDoor, D("2027-03-01")), today);

        Assert.Equal(CoolingOffVerdict.CanCancel, answer.Verdict);
        Assert.Equal(left, answer.DaysLeft);
        Assert.Equal(urgent, answer.IsUrgent);
    }

    [Theory]
    [InlineData("2027-03-09", -1)]
    [InlineData("2027-04-01", -24)]
    public void APassedLastDayIsSaidWithWhatCouldStillKeepItOpen(string today, int left)
    {
        var answer = Ask(new(CoolingOffKind.DoorToDoor, D("2027-03-01")), today);

        Assert.Equal(CoolingOffVerdict.Ended, answer.Verdict);
        Assert.Equal(D("2027-03-08"), answer.LastDay);
        Assert.Equal(left, answer.DaysLeft);
        Assert.False(answer.IsUrgent);
        Assert.Contains(CoolingOffNote.EndedButAskAboutDocument, answer.Notes);
    }

    [Fact]
    public void ANursingHomesEndedThreeMonthsDoNotDependOnDocuments()
    {
        var answer = Ask(new(CoolingOffKind.NursingHome, D("2027-01-10")), "2027-04-10");

        Assert.Equal(CoolingOffVerdict.Ended, answer.Verdict);
        Assert.DoesNotContain(CoolingOffNote.EndedButAskAboutDocument, answer.Notes);
    }

    public static TheoryData<string> KindsWithADocument() => new()
    {
        "door-to-door", "telemarketing", "multi-level-marketing", "specified-continuous-service", "business-opportunity",
        "door-to-door-purchase", "deposit", "golf-membership", "investment-advisory", "real-estate", "insurance", "funeral-mutual-aid",
    };

    [Theory]
    [MemberData(nameof(KindsWithADocument))]
    public void ADefectiveDocumentMeansThePeriodHasNotStartedEvenLongAfter(string slug)
    {
        var kind = Kind(slug);
        var answer = Ask(new(kind, D("2026-01-05"), DefectiveDocument: true), "2027-03-01");

        Assert.Equal(CoolingOffVerdict.NotStarted, answer.Verdict);
        Assert.Null(answer.LastDay);
    }

    [Theory]
    [MemberData(nameof(KindsWithADocument))]
    public void ADefectiveDocumentNeedsNoDate(string slug)
    {
        var kind = Kind(slug);

        Assert.Equal(CoolingOffVerdict.NotStarted, Ask(new(kind, DefectiveDocument: true), "2027-03-01").Verdict);
    }

    [Theory]
    [MemberData(nameof(KindsWithADocument))]
    public void WithoutTheDayItCountsFromTheAnswerAsksForIt(string slug)
    {
        var kind = Kind(slug);
        var answer = Ask(new(kind), "2027-03-01");

        Assert.Equal(CoolingOffVerdict.NeedsDate, answer.Verdict);
        Assert.NotNull(answer.Row);
    }

    [Fact]
    public void ANursingHomeIgnoresTheDocumentFlagAndSaysSo()
    {
        var answer = Ask(new(CoolingOffKind.NursingHome, D("2026-01-05"), DefectiveDocument: true), "2027-03-01");

        Assert.Equal(CoolingOffVerdict.Ended, answer.Verdict);
        Assert.Contains(CoolingOffNote.DefectiveDocumentNotRelevant, answer.Notes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MailOrderHasNoCoolingOffButAStatutoryReturnWindowFromArrival(bool arrivalKnown)
    {
        var answer = Ask(new(CoolingOffKind.MailOrder, Goods: arrivalKnown ? D("2027-02-25") : null), "2027-02-26");

        Assert.Equal(CoolingOffVerdict.None, answer.Verdict);
        Assert.Equal(NoCoolingOffReason.MailOrder, answer.NoneBecause);
        Assert.Null(answer.LastDay);
        Assert.Equal(arrivalKnown ? D("2027-03-04") : null, answer.MailOrderReturnLastDay);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void AShopVisitHasNoCoolingOffWhateverTheFlags(bool credit, bool defective)
    {
        var answer = Ask(new(CoolingOffKind.ShopVisit, D("2027-03-01"), Credit: credit, DefectiveDocument: defective), "2027-03-01");

        Assert.Equal(CoolingOffVerdict.None, answer.Verdict);
        Assert.Equal(NoCoolingOffReason.ShopVisit, answer.NoneBecause);
    }

    [Theory]
    [InlineData("door-to-door", true)]
    [InlineData("telemarketing", true)]
    [InlineData("specified-continuous-service", true)]
    [InlineData("door-to-door-purchase", true)]
    [InlineData("multi-level-marketing", false)]
    [InlineData("business-opportunity", false)]
    [InlineData("deposit", false)]
    [InlineData("golf-membership", false)]
    [InlineData("investment-advisory", false)]
    [InlineData("real-estate", false)]
    [InlineData("insurance", false)]
    [InlineData("funeral-mutual-aid", false)]
    [InlineData("nursing-home", false)]
    public void BuyingForBusinessExcludesTheSpecifiedCommercialTransactionsButNotTheSideBusinessSchemes(string slug, bool excluded)
    {
        var kind = Kind(slug);
        var answer = Ask(new(kind, D("2027-03-01"), ForBusiness: true), "2027-03-02");

        if (excluded)
        {
            Assert.Equal(CoolingOffVerdict.None, answer.Verdict);
            Assert.Equal(NoCoolingOffReason.ForBusiness, answer.NoneBecause);
        }
        else
        {
            Assert.Equal(CoolingOffVerdict.CanCancel, answer.Verdict);
            Assert.Contains(
                kind is CoolingOffKind.MultiLevelMarketing or CoolingOffKind.BusinessOpportunity ? CoolingOffNote.ForBusinessStillCovered : CoolingOffNote.ForBusinessAskCounselor,
                answer.Notes);
        }
    }

    [Theory]
    [InlineData("door-to-door", true)]
    [InlineData("telemarketing", true)]
    [InlineData("specified-continuous-service", false)]
    [InlineData("multi-level-marketing", false)]
    [InlineData("insurance", false)]
    public void ACashDealUnder3000YenExcludesDoorToDoorAndTelemarketingOnly(string slug, bool excluded)
    {
        var kind = Kind(slug);
        var answer = Ask(new(kind, D("2027-03-01"), CashUnder3000: true), "2027-03-02");

        Assert.Equal(excluded ? CoolingOffVerdict.None : CoolingOffVerdict.CanCancel, answer.Verdict);
        Assert.Equal(excluded ? NoCoolingOffReason.CashUnder3000 : null, answer.NoneBecause);
        Assert.Equal(!excluded, answer.Notes.Contains(CoolingOffNote.CashUnder3000NotRelevant));
    }

    [Theory]
    [InlineData("door-to-door", true)]
    [InlineData("telemarketing", true)]
    [InlineData("specified-continuous-service", true)]
    [InlineData("multi-level-marketing", false)]
    [InlineData("golf-membership", false)]
    public void UsedConsumablesTakeOutOnlyTheUsedPart(string slug, bool partly)
    {
        var kind = Kind(slug);
        var answer = Ask(new(kind, D("2027-03-01"), UsedConsumables: true), "2027-03-02");

        Assert.Equal(CoolingOffVerdict.CanCancel, answer.Verdict);
        Assert.Contains(partly ? CoolingOffNote.UsedConsumablesPart : CoolingOffNote.UsedConsumablesNotRelevant, answer.Notes);
    }

    [Theory]
    [InlineData("door-to-door", "InstallmentSales", 8)]
    [InlineData("telemarketing", "InstallmentSales", 8)]
    [InlineData("specified-continuous-service", "InstallmentSales", 8)]
    [InlineData("multi-level-marketing", "InstallmentSalesLong", 20)]
    [InlineData("business-opportunity", "InstallmentSalesLong", 20)]
    [InlineData("golf-membership", null, null)]
    [InlineData("insurance", null, null)]
    public void CreditAddsTheNoticeToTheCreditCompanyAndTheInstallmentRowWhereTheLawHasOne(string slug, string? creditRow, int? days)
    {
        var kind = Kind(slug);
        var answer = Ask(new(kind, D("2027-03-01"), Credit: true), "2027-03-02");

        Assert.Contains(CoolingOffNote.SendToCreditCompany, answer.Notes);
        Assert.Equal(creditRow, answer.CreditRow?.Key);
        Assert.Equal(days, answer.CreditRow?.Days);
        Assert.Equal(creditRow is null, answer.Notes.Contains(CoolingOffNote.CreditNoSeparateRow));
    }

    [Fact]
    public void AConsumerWhoSoldHasNoCreditContractToCancel()
    {
        var answer = Ask(new(CoolingOffKind.DoorToDoorPurchase, D("2027-03-01"), Credit: true), "2027-03-02");

        Assert.Null(answer.CreditRow);
        Assert.DoesNotContain(CoolingOffNote.SendToCreditCompany, answer.Notes);
        Assert.DoesNotContain(CoolingOffNote.CreditNoSeparateRow, answer.Notes);
    }

    [Theory]
    [InlineData("2027-03-04", 2)]
    [InlineData("2027-03-06", 0)]
    [InlineData("2027-03-09", -3)]
    public void MailOrdersReturnWindowCountsItsDaysLeftToo(string today, int left)
    {
        var answer = Ask(new(CoolingOffKind.MailOrder, Goods: D("2027-02-27")), today);

        Assert.Equal(D("2027-03-06"), answer.MailOrderReturnLastDay);
        Assert.Equal(left, answer.ReturnDaysLeft);
    }

    [Fact]
    public void ExclusionsComeBeforeTheDocumentSoABusinessPurchaseWithADefectiveDocumentHasNone()
    {
        var answer = Ask(new(CoolingOffKind.DoorToDoor, D("2027-03-01"), ForBusiness: true, DefectiveDocument: true), "2027-03-02");

        Assert.Equal(CoolingOffVerdict.None, answer.Verdict);
    }

    [Fact]
    public void EveryKindParsesFromItsNameInLinksAndNothingElseDoes()
    {
        foreach (var kind in CoolingOffKinds.All)
        {
            Assert.True(CoolingOffKinds.TryParse(CoolingOffKinds.Slug(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal(Enum.GetValues<CoolingOffKind>().Length, CoolingOffKinds.All.Count);
        Assert.True(CoolingOffKinds.TryParse(" Door-To-Door ", out var typed));
        Assert.Equal(CoolingOffKind.DoorToDoor, typed);
        Assert.False(CoolingOffKinds.TryParse("DoorToDoor", out _));
        Assert.False(CoolingOffKinds.TryParse("", out _));
        Assert.False(CoolingOffKinds.TryParse(null, out _));
        Assert.False(CoolingOffKinds.TryParse("online", out _));
    }

    [Fact]
    public void EveryKindButMailOrderAndShopVisitHasExactlyOneRow()
    {
        foreach (var kind in CoolingOffKinds.All)
        {
            var rows = CoolingOffTable.Rows.Count(r => r.Kind == kind);
            Assert.Equal(kind is CoolingOffKind.MailOrder or CoolingOffKind.ShopVisit ? 0 : 1, rows);
        }

        Assert.Equal(16, CoolingOffTable.Rows.Count);
        Assert.Equal(CoolingOffTable.Rows.Count, CoolingOffTable.Rows.Select(r => r.Key).Distinct().Count());
    }
}
