using System.Globalization;
using Bogus;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.DataGeneration;

/// <summary>One generated case with everything that belongs to it, as rows for the COPY.</summary>
internal sealed class SyntheticCase
{
    public Guid Id;
    public string Number = "";
    public Guid SubmissionId;
    public Guid ConsentId;
    public DateTimeOffset ReceivedAt;
    public CaseStatus Status;
    public string Language = "";
    public string ConsumerName = "";
    public string? ConsumerNameKana;
    public string ConsumerEmail = "";
    public string ConsumerPhone = "";
    public string ConsumerPostalCode = "";
    public string ConsumerPrefectureCode = "";
    public string ConsumerAddress = "";
    public AgeBand ConsumerAgeBand;
    public string BusinessName = "";
    public string? BusinessWebsite;
    public string BusinessCountryCode = "";
    public string? BusinessEmail;
    public DateOnly PurchaseDate;
    public DateOnly? ArrivedOn;
    public string PurchaseItem = "";
    public decimal PurchaseAmount;
    public string PurchaseCurrencyCode = "";
    public PaymentMethod PaymentMethod;
    public PurchasePlatform PurchasePlatform;
    public string? PurchasePlatformName;
    public string? PurchaseOrderNumber;
    public CaseCategory Category;
    public string WhatHappened = "";
    public DateOnly BusinessContactedOn;
    public BusinessContactMethod BusinessContactMethod;
    public string BusinessResponse = "";
    public DesiredResolution DesiredResolution;
    public Guid? AssignedToId;
    public CasePriority Priority;
    public DateTimeOffset? DueAt;
    public DateTimeOffset LastActivityAt;
    public DateTimeOffset? ClosedAt;
    public CaseOutcome? Outcome;
    public DeclineReason? DeclineReason;
    public bool AgreesToProvisionAbroad;

    /// <summary>The queue's search columns, which the database's trigger would compute (disabled during the load: docs/adr/0052).</summary>
    public string SearchText = "";

    public string[] SearchBigrams = [];

    public readonly List<SyntheticEvent> Events = [];
    public readonly List<SyntheticFile> Evidence = [];
}

internal sealed record SyntheticEvent(DateTimeOffset At, CaseEventKind Kind, CaseActorKind ActorKind, Guid? ActorId, string ActorName, CaseStatus From, CaseStatus To, string? Text, string? Data, bool VisibleToConsumer);

internal sealed record SyntheticFile(Guid Id, Guid EvidenceId, string FileName, bool IsPdf, DateTimeOffset AddedAt);

/// <summary>
/// Deterministic synthetic cases: the same seed, count and end date give the same cases, byte for byte,
/// whichever thread makes which chunk (each chunk has its own random stream derived from the seed).
/// Cases are spread over five years with the volume growing over time; received times increase with the
/// index, so numbers follow receipt order. Statuses depend on age (old cases are closed), timelines follow
/// the workflow (received, assigned, notes, requests and replies, forwarding, partner answers, the end).
/// </summary>
internal sealed class SyntheticCases
{
    public const int ChunkSize = 5_000;
    public static readonly TimeSpan Span = TimeSpan.FromDays(5 * 365);

    private static readonly (string Code, int Weight)[] CountryWeights =
        [("US", 22), ("CN", 20), ("HK", 8), ("TW", 7), ("KR", 7), ("SG", 4), ("GB", 6), ("CA", 3), ("AU", 3), ("FR", 3), ("DE", 3), ("IT", 2), ("", 12)];

    private static readonly (CaseCategory Value, int Weight)[] CategoryWeights =
    [
        (CaseCategory.NotDelivered, 28), (CaseCategory.DamagedOrDefective, 12), (CaseCategory.WrongItem, 6), (CaseCategory.ReturnOrRefundRefused, 12),
        (CaseCategory.CannotContactBusiness, 8), (CaseCategory.ChargedMoreThanShown, 5), (CaseCategory.Counterfeit, 8),
        (CaseCategory.SubscriptionOrUnauthorizedCharge, 8), (CaseCategory.SuspectedFraudSite, 10), (CaseCategory.Other, 3),
    ];

    private static readonly (PurchasePlatform Value, int Weight)[] PlatformWeights =
    [
        (PurchasePlatform.BusinessOwnSite, 30), (PurchasePlatform.Amazon, 12), (PurchasePlatform.AliExpress, 10), (PurchasePlatform.Temu, 8),
        (PurchasePlatform.Shein, 6), (PurchasePlatform.Ebay, 5), (PurchasePlatform.Etsy, 3), (PurchasePlatform.Taobao, 4), (PurchasePlatform.Qoo10, 5),
        (PurchasePlatform.Shopee, 3), (PurchasePlatform.SocialMedia, 10), (PurchasePlatform.Other, 4),
    ];

    private static readonly (PaymentMethod Value, int Weight)[] PaymentWeights =
        [(PaymentMethod.CreditCard, 70), (PaymentMethod.PayPal, 12), (PaymentMethod.BankTransfer, 8), (PaymentMethod.EMoney, 6), (PaymentMethod.Cash, 1), (PaymentMethod.Other, 3)];

    private static readonly (CasePriority Value, int Weight)[] PriorityWeights =
        [(CasePriority.Normal, 80), (CasePriority.High, 12), (CasePriority.Low, 5), (CasePriority.Urgent, 3)];

    private static readonly (CaseOutcome Value, int Weight)[] OutcomeWeights =
        [(CaseOutcome.Resolved, 45), (CaseOutcome.PartlyResolved, 15), (CaseOutcome.NotResolved, 25), (CaseOutcome.Withdrawn, 5), (CaseOutcome.NoReply, 10)];

    private static readonly string[] OtherCountries =
        [.. Countries.All.Select(c => c.Code).Where(c => c != Countries.Japan && !CountryWeights.Any(w => w.Code == c))];

    private static readonly Dictionary<string, string> LocalCurrency = new()
    {
        ["US"] = "USD", ["CN"] = "CNY", ["HK"] = "HKD", ["TW"] = "TWD", ["KR"] = "KRW", ["SG"] = "SGD", ["GB"] = "GBP", ["CA"] = "CAD", ["AU"] = "AUD",
        ["FR"] = "EUR", ["DE"] = "EUR", ["IT"] = "EUR",
    };

    private readonly int _seed;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly int _total;
    private readonly IReadOnlyList<(Guid Id, string Name)> _staff;
    private readonly IReadOnlyDictionary<string, string> _agencyByCountry;
    private readonly Dictionary<string, (string Name, string Website)[]> _merchants;

    // agencyByCountry: the active partner agency's code for each covered country (the registry's rows).
    public SyntheticCases(int seed, int total, DateTimeOffset end, IReadOnlyList<(Guid Id, string Name)> staff, IReadOnlyDictionary<string, string> agencyByCountry)
    {
        _seed = seed;
        _total = total;
        _end = end;
        _start = end - Span;
        _staff = staff;
        _agencyByCountry = agencyByCountry;

        // Merchants recur: a few web shops draw many complaints (the queue's merchant search finds them all).
        var f = NewFaker(seed, -1, "en");
        _merchants = CountryWeights.Where(w => w.Code != "").ToDictionary(
            w => w.Code,
            w => Enumerable.Range(0, Math.Max(20, total / 40 * w.Weight / 100)).Select(_ => SyntheticText.Merchant(f, w.Code)).ToArray());
        _merchants[""] = [.. Enumerable.Range(0, Math.Max(20, total / 300)).Select(_ => SyntheticText.Merchant(f, ""))];
    }

    /// <summary>The cases of chunk <paramref name="chunkIndex"/> in receipt order, without numbers (the writer numbers them in order).</summary>
    public SyntheticCase[] Chunk(int chunkIndex)
    {
        var first = chunkIndex * ChunkSize;
        var count = Math.Min(ChunkSize, _total - first);
        var f = NewFaker(_seed, chunkIndex, "en");
        var ja = NewFaker(_seed, chunkIndex, "ja");
        var cases = new SyntheticCase[count];
        var bigrams = new Dictionary<ulong, string>();
        for (var i = 0; i < count; i++)
        {
            var c = cases[i] = One(f, ja, first + i);
            c.SearchText = CaseSearchText.StoredText(c.ConsumerName, c.ConsumerNameKana, c.ConsumerEmail, c.BusinessName, c.BusinessWebsite, c.WhatHappened);
            c.SearchBigrams = CaseSearchText.StoredBigrams(c.SearchText, bigrams);
        }

        return cases;
    }

    /// <summary>A random stream per (seed, chunk, locale); not HashCode.Combine, which differs from process to process.</summary>
    internal static Faker NewFaker(int seed, int chunk, string locale) =>
        new(locale) { Random = new Randomizer(unchecked((seed * 1_000_003) + (chunk * 7_919) + (locale == "ja" ? 17 : 0))) };

    private SyntheticCase One(Faker f, Faker ja, int index)
    {
        // Volume grows over the years: position u^0.75 puts more cases in recent months. Monotonic in the index.
        var u = (index + f.Random.Double()) / _total;
        var receivedAt = _start + (Span * Math.Pow(u, 0.75));
        receivedAt = new DateTimeOffset(receivedAt.UtcTicks - (receivedAt.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var english = f.Random.Bool(0.08f);
        var category = Weighted(f, CategoryWeights);
        var countryCode = Weighted(f, CountryWeights);
        var pool = _merchants[countryCode];
        var merchant = pool[(int)(pool.Length * Math.Pow(f.Random.Double(), 2))];
        if (countryCode == "")
        {
            countryCode = f.PickRandom(OtherCountries);
        }

        var platform = Weighted(f, PlatformWeights);
        var purchaseDate = DateOnly.FromDateTime(receivedAt.ToOffset(CaseClocks.JapanOffset).DateTime.AddDays(-f.Random.Int(3, 120)));
        var surname = f.PickRandom(SyntheticText.Surnames);
        var given = f.PickRandom(SyntheticText.GivenNames);
        var prefecture = f.PickRandom(Prefectures.All.ToArray());
        var currency = f.Random.Bool(0.6f) ? "JPY" : LocalCurrency.GetValueOrDefault(countryCode, "USD");
        var amount = currency == "JPY" ? Math.Round((decimal)f.Random.Double(1_500, 180_000), 0) : Math.Round((decimal)f.Random.Double(10, 1_500), 2);
        var item = SyntheticText.Item(f, category, english);
        var platformName = platform == PurchasePlatform.Other ? f.PickRandom("Mercari Global", "Wish", "Lazada", "Rakuten Global") : null;
        var platformLabel = platform switch
        {
            PurchasePlatform.BusinessOwnSite => english ? "the seller's website" : "事業者のサイト",
            PurchasePlatform.SocialMedia => english ? "an Instagram ad" : "SNSの広告",
            PurchasePlatform.Other => platformName!,
            _ => platform.ToString(),
        };

        // Most people write a few hundred characters; a few write pages.
        var length = (int)Math.Clamp(Math.Exp(f.Random.Double() + f.Random.Double() + f.Random.Double() + 3.6), 80, ComplaintLimits.WhatHappened);
        var c = new SyntheticCase
        {
            Id = DeterministicGuid(f, receivedAt),
            SubmissionId = DeterministicGuid(f, receivedAt),
            ConsentId = DeterministicGuid(f, receivedAt),
            ReceivedAt = receivedAt,
            Language = english ? Languages.English : Languages.Japanese,
            ConsumerName = english ? $"{given.Kana} {surname.Kana}" : $"{surname.Kanji} {given.Kanji}",
            ConsumerNameKana = english || f.Random.Bool(0.3f) ? null : $"{surname.Kana} {given.Kana}",
            ConsumerEmail = $"{f.Internet.UserName().ToLowerInvariant()}{f.Random.Int(1, 999)}@{f.PickRandom(SyntheticText.MailDomains)}",
            ConsumerPhone = f.Random.Bool(0.8f) ? $"0{f.PickRandom(70, 80, 90)}-{f.Random.Int(1000, 9999)}-{f.Random.Int(1000, 9999)}" : $"0{f.Random.Int(3, 99)}-{f.Random.Int(100, 9999)}-{f.Random.Int(1000, 9999)}",
            ConsumerPostalCode = $"{f.Random.Int(100, 999)}-{f.Random.Int(0, 9999):D4}",
            ConsumerPrefectureCode = prefecture.Code,
            ConsumerAddress = $"{prefecture.JapaneseName}{ja.Address.City()}{f.Random.Int(1, 9)}丁目{f.Random.Int(1, 30)}-{f.Random.Int(1, 20)}",
            ConsumerAgeBand = f.PickRandom<AgeBand>(),
            BusinessName = merchant.Name,
            BusinessWebsite = f.Random.Bool(0.85f) ? merchant.Website : null,
            BusinessCountryCode = countryCode,
            BusinessEmail = f.Random.Bool(0.5f) ? $"support@{new Uri(merchant.Website).Host.Replace("www.", "", StringComparison.Ordinal)}" : null,
            PurchaseDate = purchaseDate,
            PurchaseItem = item,
            PurchaseAmount = amount,
            PurchaseCurrencyCode = currency,
            PaymentMethod = Weighted(f, PaymentWeights),
            PurchasePlatform = platform,
            PurchasePlatformName = platformName,
            PurchaseOrderNumber = f.Random.Bool(0.7f) ? f.Random.Replace("##########").ToString() : null,
            Category = category,
            WhatHappened = SyntheticText.WhatHappened(f, category, purchaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), platformLabel, item, english, length),
            BusinessContactedOn = purchaseDate.AddDays(f.Random.Int(1, 20)),
            BusinessContactMethod = f.PickRandom<BusinessContactMethod>(),
            BusinessResponse = SyntheticText.BusinessResponse(f, english),
            DesiredResolution = category switch
            {
                CaseCategory.NotDelivered => f.Random.Bool(0.7f) ? DesiredResolution.Refund : DesiredResolution.Delivery,
                CaseCategory.WrongItem or CaseCategory.DamagedOrDefective => f.Random.Bool(0.5f) ? DesiredResolution.Exchange : DesiredResolution.Refund,
                CaseCategory.SubscriptionOrUnauthorizedCharge => DesiredResolution.Cancellation,
                _ => f.Random.Bool(0.8f) ? DesiredResolution.Refund : DesiredResolution.Explanation,
            },
            Priority = Weighted(f, PriorityWeights),
            AgreesToProvisionAbroad = f.Random.Bool(0.85f),
        };
        if (c.BusinessContactedOn > DateOnly.FromDateTime(receivedAt.UtcDateTime))
        {
            c.BusinessContactedOn = c.PurchaseDate;
        }

        // Most consumers whose item came give the day it arrived (the intake asks, optionally); an item not delivered has none.
        if (category != CaseCategory.NotDelivered && f.Random.Bool(0.6f))
        {
            var arrived = purchaseDate.AddDays(f.Random.Int(2, 25));
            c.ArrivedOn = arrived <= DateOnly.FromDateTime(receivedAt.UtcDateTime) ? arrived : null;
        }

        Timeline(f, c);
        if (f.Random.Bool(0.4f))
        {
            for (var n = f.Random.Int(1, 3); n > 0; n--)
            {
                var pdf = f.Random.Bool(0.25f);
                var name = pdf ? f.PickRandom("注文確認.pdf", "receipt.pdf", "カード明細.pdf") : f.PickRandom("IMG_" + f.Random.Int(1000, 9999) + ".png", "スクリーンショット.png", "配送ラベル.png", "商品の写真.png");
                c.Evidence.Add(new SyntheticFile(DeterministicGuid(f, receivedAt), DeterministicGuid(f, receivedAt), name, pdf, receivedAt));
            }
        }

        return c;
    }

    /// <summary>The timeline a case of this age would have by now, following the workflow, and its status, deadline and outcome.</summary>
    private void Timeline(Faker f, SyntheticCase c)
    {
        var age = _end - c.ReceivedAt;
        var at = c.ReceivedAt;
        var status = CaseStatus.Received;
        c.Events.Add(new SyntheticEvent(at, CaseEventKind.Received, CaseActorKind.Consumer, null, "consumer", status, status, null, null, true));

        // Where this case is now: old cases are almost all finished.
        var target = age.TotalDays switch
        {
            > 180 => f.Random.WeightedRandom([CaseStatus.Closed, CaseStatus.Declined, CaseStatus.Forwarded, CaseStatus.PartnerResponded, CaseStatus.InProgress], [0.90f, 0.08f, 0.01f, 0.005f, 0.005f]),
            > 60 => f.Random.WeightedRandom([CaseStatus.Closed, CaseStatus.Declined, CaseStatus.Forwarded, CaseStatus.PartnerResponded, CaseStatus.InProgress, CaseStatus.WaitingForConsumer], [0.65f, 0.06f, 0.15f, 0.06f, 0.05f, 0.03f]),
            > 14 => f.Random.WeightedRandom([CaseStatus.Closed, CaseStatus.Declined, CaseStatus.Forwarded, CaseStatus.PartnerResponded, CaseStatus.InProgress, CaseStatus.WaitingForConsumer, CaseStatus.Received], [0.25f, 0.05f, 0.25f, 0.10f, 0.20f, 0.10f, 0.05f]),
            _ => f.Random.WeightedRandom([CaseStatus.Received, CaseStatus.InProgress, CaseStatus.WaitingForConsumer, CaseStatus.Forwarded, CaseStatus.Closed, CaseStatus.Declined], [0.35f, 0.35f, 0.10f, 0.12f, 0.05f, 0.03f]),
        };
        var agency = _agencyByCountry.GetValueOrDefault(c.BusinessCountryCode);
        var forwardable = agency is not null && c.AgreesToProvisionAbroad;
        if (target is CaseStatus.Forwarded or CaseStatus.PartnerResponded && !forwardable)
        {
            target = CaseStatus.InProgress;
        }

        if (target == CaseStatus.Received)
        {
            c.DueAt = CaseClocks.TriageDue(c.ReceivedAt);
            c.LastActivityAt = c.ReceivedAt;
            return;
        }

        // Everything after "received" happens within the age of the case, in order.
        var budget = Math.Max(age.TotalHours, 2);
        DateTimeOffset Later(double share) => at = at + TimeSpan.FromHours(Math.Max(0.05, budget * share * f.Random.Double(0.3, 1)));

        var (staff, staffName) = _staff[(int)(_staff.Count * Math.Pow(f.Random.Double(), 1.5))];
        c.AssignedToId = staff;
        Later(0.05);
        Add(CaseEventKind.Assigned, CaseStatus.InProgress, null, $"{{\"from\":null,\"to\":\"{staff}\",\"toName\":\"{staffName}\"}}", false, touches: true);
        if (f.Random.Bool(0.3f))
        {
            Later(0.05);
            Add(CaseEventKind.NoteAdded, status, SyntheticText.Note(f), null, false, touches: false);
        }

        if (target == CaseStatus.WaitingForConsumer || f.Random.Bool(0.15f))
        {
            Later(0.1);
            Add(CaseEventKind.InformationRequested, CaseStatus.WaitingForConsumer, SyntheticText.Question(f), null, true, touches: true);
            c.DueAt = CaseClocks.ConsumerReplyDue(at);
            if (target == CaseStatus.WaitingForConsumer)
            {
                return;
            }

            Later(0.1);
            Add(CaseEventKind.ConsumerReplied, CaseStatus.InProgress, SyntheticText.Reply(f), null, true, touches: true, CaseActorKind.Consumer);
        }

        if (forwardable && (target is CaseStatus.Forwarded or CaseStatus.PartnerResponded || (target == CaseStatus.Closed && f.Random.Bool(0.6f))))
        {
            Later(0.1);
            Add(CaseEventKind.Forwarded, CaseStatus.Forwarded, null, $"{{\"agency\":\"{agency}\"}}", true, touches: true);
            c.DueAt = at + TimeSpan.FromDays(30);
            if (target == CaseStatus.Forwarded)
            {
                return;
            }

            Later(0.3);
            Add(CaseEventKind.PartnerResponded, CaseStatus.PartnerResponded, "The merchant has agreed to look into the order.", null, false, touches: true, CaseActorKind.Partner, agency);
            if (target == CaseStatus.PartnerResponded)
            {
                return;
            }
        }

        if (target == CaseStatus.InProgress)
        {
            return;
        }

        Later(0.2);
        if (target == CaseStatus.Declined && status is CaseStatus.InProgress or CaseStatus.Received)
        {
            var reason = c.Category == CaseCategory.Counterfeit ? Web.Domain.Cases.DeclineReason.Counterfeit : f.PickRandom(Web.Domain.Cases.DeclineReason.OutOfScope, Web.Domain.Cases.DeclineReason.BusinessPurchase);
            Add(CaseEventKind.Declined, CaseStatus.Declined, null, $"{{\"reason\":\"{reason}\",\"duplicateOf\":null}}", true, touches: true);
            c.DeclineReason = reason;
        }
        else
        {
            var outcome = status == CaseStatus.WaitingForConsumer ? CaseOutcome.NoReply : Weighted(f, OutcomeWeights);
            Add(CaseEventKind.Closed, CaseStatus.Closed, null, $"{{\"outcome\":\"{outcome}\"}}", true, touches: true);
            c.Outcome = outcome;
        }

        c.ClosedAt = at;
        c.DueAt = null;

        void Add(CaseEventKind kind, CaseStatus to, string? text, string? data, bool visible, bool touches, CaseActorKind actor = CaseActorKind.Staff, string? actorName = null)
        {
            if (at > _end)
            {
                at = _end;
            }

            c.Events.Add(new SyntheticEvent(at, kind, actor, actor == CaseActorKind.Staff ? staff : null, actorName ?? (actor == CaseActorKind.Staff ? staffName : "consumer"), status, to, text, data, visible));
            if (to != status)
            {
                c.DueAt = CaseClocks.DueOnEntering(to, at);
            }

            status = to;
            c.Status = to;
            if (touches)
            {
                c.LastActivityAt = at;
            }
        }
    }

    private static T Weighted<T>(Faker f, (T Value, int Weight)[] table)
    {
        var pick = f.Random.Int(1, table.Sum(t => t.Weight));
        foreach (var (value, weight) in table)
        {
            pick -= weight;
            if (pick <= 0)
            {
                return value;
            }
        }

        return table[^1].Value;
    }

    /// <summary>A version 7 GUID for <paramref name="at"/> (as the app makes them) whose random part comes from the seeded stream.</summary>
    internal static Guid DeterministicGuid(Faker f, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        f.Random.Bytes(16).CopyTo(bytes);
        var millis = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
