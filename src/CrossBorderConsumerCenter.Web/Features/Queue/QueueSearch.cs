using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// The queue's word search: candidates found through the bigram index of the normalized search text, each checked by the
/// exact test, counted up to <see cref="SearchLimit"/> (docs/performance.md, ADR 0052).
/// </summary>
public static class QueueSearch
{
    /// <summary>
    /// A word search finds at most this many cases through the bigram index (and counts them); a term matching more is
    /// common enough that walking the sort order and checking each case fills a page sooner (docs/performance.md).
    /// </summary>
    public const int SearchLimit = 5000;

    /// <summary>At most this many of each word's rarest bigrams are asked of the index; the exact test checks the rest.</summary>
    public const int KeysPerWord = 4;

    /// <summary>A bigram in more than this share of cases narrows too little to be worth reading its index entries, unless it is a word's rarest.</summary>
    public const float CommonBigram = 0.1f;

    /// <summary>
    /// The bigrams the index is asked for: each word's rarest ones by PostgreSQL's statistics (a bigram the statistics do not
    /// list is rarer than any they do), leaving out common pairs such as "co" or "ne", whose long index entries would be
    /// read for nothing. A word's rarest bigram is always asked for, so every word narrows the candidates.
    /// </summary>
    public static string[] SearchKeys(CaseSearchTerm term, IReadOnlyDictionary<string, float> frequencies) =>
    [
        .. term.Words
            .Select(word => CaseSearchText.Bigrams(word).OrderBy(b => frequencies.GetValueOrDefault(b)).ToList())
            .SelectMany(rarestFirst => rarestFirst.Take(1).Concat(rarestFirst.Skip(1).Where(b => frequencies.GetValueOrDefault(b) <= CommonBigram)).Take(KeysPerWord))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>
    /// A single two-character word (its one bigram is the word itself) that the statistics find in well over
    /// <see cref="SearchLimit"/> cases: counting it would only read a long index entry to stop at the limit anyway.
    /// </summary>
    public static bool IsTooCommonToCount(CaseSearchTerm term, BigramStatistics statistics) =>
        term.Words is [var word] && CaseSearchText.Bigrams(word) is [var bigram] && bigram == word && statistics.CasesWith(bigram) > 2 * SearchLimit;

    /// <summary>The candidates the bigram index gives for the term's keys, each checked by the exact test.</summary>
    public static IQueryable<Case> Found(IQueryable<Case> cases, CaseSearchTerm term, string[] keys) =>
        Containing(cases.Where(c => keys.All(k => EF.Property<string[]>(c, CaseQueueColumns.SearchBigrams).Contains(k))), term);

    /// <summary>Each word occurs in the normalized search text (the exact test, whatever found the candidates).</summary>
    public static IQueryable<Case> Containing(IQueryable<Case> cases, CaseSearchTerm term) =>
        term.Words.Aggregate(cases, (found, word) => found.Where(c => EF.Property<string>(c, CaseQueueColumns.SearchText).Contains(word)));
}
