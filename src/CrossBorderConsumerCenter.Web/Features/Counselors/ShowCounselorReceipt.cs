using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// The receipt of a case the counselor's center filed: its number, when, for whom, and the resident's tracking link
/// again while this browser remembers it (the receipt's cookie) and it is still the case's link.
/// </summary>
public static class ShowCounselorReceipt
{
    public sealed class Handler(AppDbContext db, TrackingLinks links, ReceiptLinks receipts)
    {
        /// <summary>Null when no case of that number was filed by the counselor's center.</summary>
        public async Task<CounselorReceiptPage?> HandleAsync(CounselorIdentity counselor, string number, HttpRequest request, CancellationToken ct)
        {
            if (!CaseNumber.TryParse(number, out var parsed))
            {
                return null;
            }

            var canonical = parsed.ToString();
            var c = await db.Cases.AsNoTracking()
                .Where(x => x.Number == canonical && x.FiledByCenterId == counselor.CenterId)
                .Select(x => new { x.Id, x.Number, x.ReceivedAt, x.ConsumerName, x.ConsumerEmail })
                .SingleOrDefaultAsync(ct);
            if (c is null)
            {
                return null;
            }

            var token = receipts.Recall(request, c.Number);
            var url = token is not null && await links.IsCurrentAsync(c.Id, token, ct) ? links.UrlOf(token) : null;
            return new CounselorReceiptPage(c.Number, c.ReceivedAt, c.ConsumerName, c.ConsumerEmail, url);
        }
    }
}
