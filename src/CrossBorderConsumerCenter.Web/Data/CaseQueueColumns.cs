using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data;

/// <summary>
/// What the staff queue needs on <c>cases</c> (docs/adr/0030): sort keys that PostgreSQL generates from the case's
/// own columns and search columns that a trigger fills from them (docs/adr/0052), so every writer (intake, the back
/// office, a bulk import in SQL) keeps them right, and the indexes that match the queue's filters and sorts. They
/// are shadow properties: the domain's <see cref="Case"/> does not know about them, and EF never writes or reads
/// them back on save.
/// </summary>
public static class CaseQueueColumns
{
    /// <summary>The workflow order of <see cref="CaseStatus"/> (Received 0 … Declined 6).</summary>
    public const string StatusOrder = nameof(StatusOrder);

    /// <summary>Urgent 0, High 1, Normal 2, Low 3: ascending puts the most urgent first.</summary>
    public const string PriorityOrder = nameof(PriorityOrder);

    /// <summary>The deadline, or "infinity" for a case without one (so those come last, and keyset comparisons never meet NULL).</summary>
    public const string DueOrder = nameof(DueOrder);

    /// <summary>The earliest last day of the consumer's time-limited rights, or "infinity" for a case without one (ADR 0076).</summary>
    public const string DeadlineOrder = nameof(DeadlineOrder);

    /// <summary>
    /// Consumer name, kana and email, merchant name and website, description: <see cref="CaseSearchText.StoredText"/>.
    /// Filled by the trigger of migration 0012 (docs/adr/0052), not generated.
    /// </summary>
    public const string SearchText = nameof(SearchText);

    /// <summary>The distinct overlapping pairs of characters of <see cref="SearchText"/>, sorted (<see cref="CaseSearchText.StoredBigrams"/>), GIN-indexed; filled by the same trigger.</summary>
    public const string SearchBigrams = nameof(SearchBigrams);

    /// <summary>The bigrams compare as bytes: equality is all the index is asked for, and the index builds faster.</summary>
    public const string BigramCollation = "C";

    /// <summary>Merchant names sort as a Japanese reader expects (ICU: letters case-insensitively, kana in gojūon order).</summary>
    public const string MerchantCollation = "ja-x-icu";

    private static readonly CasePriority[] PriorityFirstToLast = [CasePriority.Urgent, CasePriority.High, CasePriority.Normal, CasePriority.Low];

    public static string StatusOrderSql { get; } =
        "CASE status " + string.Join(' ', Enum.GetValues<CaseStatus>().Select((s, i) => $"WHEN '{s}' THEN {i}")) + " END";

    public static string PriorityOrderSql { get; } =
        "CASE priority " + string.Join(' ', PriorityFirstToLast.Select((p, i) => $"WHEN '{p}' THEN {i}")) + " END";

    public const string DueOrderSql = "COALESCE(due_at, 'infinity'::timestamp with time zone)";

    public const string DeadlineOrderSql = "COALESCE(earliest_rights_deadline, 'infinity'::date)";

    /// <summary>The open statuses as a partial-index predicate (and as the queue's query spells them).</summary>
    public static string OpenStatusesSql { get; } =
        "status IN (" + string.Join(", ", CaseQueueRules.OpenStatuses.Select(s => $"'{s}'")) + ")";

    public static void Configure(EntityTypeBuilder<Case> builder)
    {
        Generated(builder.Property<short>(StatusOrder), StatusOrderSql);
        Generated(builder.Property<short>(PriorityOrder), PriorityOrderSql);
        Generated(builder.Property<DateTimeOffset>(DueOrder), DueOrderSql);
        Generated(builder.Property<DateOnly>(DeadlineOrder), DeadlineOrderSql);
        FilledByTrigger(builder.Property<string>(SearchText).HasColumnType("text").IsRequired());
        // Never NULL in fact; declared nullable because EF checks a required collection for null on insert, before the trigger fills it.
        FilledByTrigger(builder.Property<string[]>(SearchBigrams).UseCollation(BigramCollation));

        // The default view (needs action) walks the open cases oldest first; open cases are a few percent of all. Its counts
        // per status ("received", "waiting and overdue") read only the second index, which carries every filter's column.
        builder.HasIndex(c => new { c.ReceivedAt, c.Id }, "ix_cases_open_received_at_id").HasFilter(OpenStatusesSql);
        builder.HasIndex(c => new { c.Status, c.DueAt }, "ix_cases_open_status_due_at").HasFilter(OpenStatusesSql)
            .IncludeProperties(c => new { c.BusinessCountryCode, c.Category, c.PurchasePlatform, c.Priority, c.AssignedToId, c.ReceivedAt });

        // One index per sort key, each ending in the id that breaks ties, so that a page is one index range scan.
        builder.HasIndex(c => new { c.ReceivedAt, c.Id });
        builder.HasIndex(c => new { c.LastActivityAt, c.Id });
        builder.HasIndex(StatusOrder, nameof(Case.Id));
        builder.HasIndex(PriorityOrder, nameof(Case.Id));
        builder.HasIndex(DueOrder, nameof(Case.Id));
        builder.HasIndex(DeadlineOrder, nameof(Case.Id));
        builder.HasIndex(c => new { c.BusinessName, c.Id }).UseCollation(MerchantCollation, null!);

        // Filters, each then the status for the counts per status: the merchant's country (also behind "partner agency"),
        // the category, the platform, the priority (the assignee's is ix_cases_assigned_to_id_status). PostgreSQL combines them.
        builder.HasIndex(c => new { c.BusinessCountryCode, c.Status });
        builder.HasIndex(c => new { c.Category, c.Status });
        builder.HasIndex(c => new { c.PurchasePlatform, c.Status });
        builder.HasIndex(c => new { c.Priority, c.Status });
        builder.HasIndex(SearchBigrams).HasMethod("gin");
    }

    private static void Generated<T>(PropertyBuilder<T> property, string sql) =>
        NeverWritten(property.HasComputedColumnSql(sql, stored: true));

    /// <summary>The trigger <c>cases_fill_search_columns</c> (migration 0012) fills the column; the model cannot declare triggers.</summary>
    private static void FilledByTrigger<T>(PropertyBuilder<T> property) => NeverWritten(property);

    private static void NeverWritten<T>(PropertyBuilder<T> property)
    {
        property.ValueGeneratedNever();
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
