using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Counselors;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Centers;

/// <summary>
/// An admin adds a consumer center or changes one (name, prefecture, phone, active). Audited with the values before
/// and after. A center is never deleted: made inactive, its counselors can no longer file or follow cases, and the
/// cases it filed keep naming it.
/// </summary>
public static class SaveCenter
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Prefecture { get; set; }
        public string? Phone { get; set; }
        public bool IsActive { get; set; } = true;

        public static Form From(ConsumerCenter c) => new() { Name = c.Name, Prefecture = c.PrefectureCode, Phone = c.Phone, IsActive = c.IsActive };
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CentersText> text)
        {
            RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Center_Name_Required"])
                .Must(v => v!.Trim().Length <= ConsumerCenter.MaxNameLength).WithMessage(_ => text["Center_Name_TooLong", ConsumerCenter.MaxNameLength])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Center_Name_Invalid"]);
            RuleFor(f => f.Prefecture).Must(v => Prefectures.Find(v) is not null).WithMessage(_ => text["Center_Prefecture_Required"]);
            RuleFor(f => f.Phone).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Center_Phone_Required"])
                .Must(v => PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(v), PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits))
                .WithMessage(_ => text["Center_Phone_Invalid"]);
        }
    }

    public enum Outcome
    {
        Saved,
        NotFound,

        /// <summary>Another center of that name exists in that prefecture.</summary>
        Duplicate,
    }

    public sealed record Result(Outcome Outcome, Guid? Id = null);

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        /// <summary>Creates a center (<paramref name="id"/> null) or updates one.</summary>
        public async Task<Result> HandleAsync(Guid? id, Form form, CancellationToken ct)
        {
            var name = form.Name!.Trim();
            var prefecture = Prefectures.Find(form.Prefecture)!.Code;
            if (await db.ConsumerCenters.AnyAsync(c => c.Id != id && c.PrefectureCode == prefecture && c.Name == name, ct))
            {
                return new Result(Outcome.Duplicate);
            }

            if (id is null)
            {
                var created = new ConsumerCenter(name, prefecture, form.Phone!, clock.GetUtcNow());
                db.ConsumerCenters.Add(created);
                audit.Record(AuditAction.ConsumerCenterCreated, "ConsumerCenter", created.Id.ToString(), details: Snapshot(created));
                await db.SaveChangesAsync(ct);
                return new Result(Outcome.Saved, created.Id);
            }

            var center = await db.ConsumerCenters.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (center is null)
            {
                return new Result(Outcome.NotFound);
            }

            var before = Snapshot(center);
            center.Update(name, prefecture, form.Phone!, form.IsActive);
            var changes = AuditTrail.Changes(before, Snapshot(center));
            if (changes.Count > 0)
            {
                audit.Record(AuditAction.ConsumerCenterUpdated, "ConsumerCenter", center.Id.ToString(), details: changes);
                await db.SaveChangesAsync(ct);
            }

            return new Result(Outcome.Saved, center.Id);
        }

        private static Dictionary<string, object?> Snapshot(ConsumerCenter c) => new()
        {
            ["name"] = c.Name,
            ["prefecture"] = c.PrefectureCode,
            ["phone"] = c.Phone,
            ["isActive"] = c.IsActive,
        };
    }
}
